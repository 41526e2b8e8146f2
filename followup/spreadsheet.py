"""Spreadsheets in and out: every table as CSV, and applications from another tracker.

Cells that a spreadsheet would run as a formula (starting with =, +, -, @, a
tab or a carriage return) are written with a leading apostrophe, so a note
such as "=HYPERLINK(...)" is shown as text, never run.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd

from followup import backup, clock, validation
from followup.errors import FollowupError
from followup.model import Application, FieldPace, Formality, Status
from followup.store import Store

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: neutralise("" if v is None else v) for k, v in row.items()})
    # A byte-order mark makes Excel read the file as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _flatten(document: dict) -> dict[str, list[dict]]:
    """The export document as flat tables that join on their `ref` columns."""
    sheets: dict[str, list[dict]] = {
        "applications": [],
        "interviews": [],
        "interviewers": [],
        "debrief_notes": [],
        "letters": [],
        "actions": [],
    }
    for app in document["applications"]:
        sheets["applications"].append({k: v for k, v in app.items() if not isinstance(v, list)})
        for interview in app["interviews"]:
            sheets["interviews"].append(
                {"application_ref": app["ref"], **{k: v for k, v in interview.items() if k != "interviewers"}}
            )
            for person in interview["interviewers"]:
                sheets["interviewers"].append(
                    {"interview_ref": interview["ref"], **{k: v for k, v in person.items() if k != "notes"}}
                )
                if person["notes"]:
                    sheets["debrief_notes"].append({"interviewer_ref": person["ref"], **person["notes"]})
        for kind in ("letters", "actions"):
            for record in app[kind]:
                sheets[kind].append({"application_ref": app["ref"], **record})
    return sheets


def csv_zip(store: Store) -> bytes:
    """One CSV file per table, zipped, for spreadsheets."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in _flatten(backup.export_document(store)).items():
            archive.writestr(f"{name}.csv", _csv(rows))
    return buffer.getvalue()


# -- importing applications from another tracker ------------------------------------

TARGETS = {
    "company": ("company", "employer", "organisation", "organization", "company name"),
    "role": ("role", "position", "job title", "title", "job"),
    "status": ("status", "stage", "state"),
    "job_link": ("link", "url", "job link", "job url", "posting"),
    "notes": ("notes", "note", "comments", "comment", "description"),
    "created_at": ("date", "applied", "date applied", "applied on", "created", "created at"),
}
REQUIRED = ("company", "role")

_STATUS_WORDS = {
    Status.OFFER: ("offer", "accepted", "hired"),
    Status.REJECTED: ("reject", "declined", "turned down", "not selected"),
    Status.WITHDRAWN: ("withdr",),
    Status.CLOSED_WITHOUT_ANSWER: ("ghost", "no response", "no answer", "closed", "expired"),
    Status.WAITING: ("waiting", "pending", "follow"),
}


class SpreadsheetRefused(FollowupError):
    pass


def read_table(data: bytes) -> pd.DataFrame:
    """A CSV file from any spreadsheet or tracker, every cell as text."""
    if len(data) > MAX_BYTES:
        raise SpreadsheetRefused(f"The file is over {MAX_BYTES // 1_000_000} MB; split it first.")
    if b"\x00" in data[:4096]:
        raise SpreadsheetRefused("This is not a CSV file (it holds binary data). Save it as CSV first.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        frame = pd.read_csv(
            io.StringIO(text), sep=None, engine="python", dtype=str, keep_default_na=False, nrows=MAX_ROWS + 1
        )
    except (pd.errors.ParserError, csv.Error, ValueError) as error:
        raise SpreadsheetRefused(f"This CSV file cannot be read: {error}") from None
    if frame.empty:
        raise SpreadsheetRefused("The file has a header but no rows.")
    if len(frame) > MAX_ROWS:
        raise SpreadsheetRefused(f"The file has more than {MAX_ROWS:,} rows; import it in parts.")
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame


def _simple(name: str) -> str:
    return re.sub(r"[^a-z ]", "", name.lower().replace("_", " ")).strip()


def suggest_mapping(columns: list[str]) -> dict[str, str | None]:
    """For each of our fields, the column that most likely holds it (or None)."""
    mapping: dict[str, str | None] = {}
    taken: set[str] = set()
    for target, words in TARGETS.items():
        match = next((c for word in words for c in columns if _simple(c) == word and c not in taken), None)
        match = match or next(
            (c for word in words for c in columns if word in _simple(c) and c not in taken), None
        )
        mapping[target] = match
        if match:
            taken.add(match)
    return mapping


def status_from(text: str) -> Status:
    words = text.strip().lower()
    for status, hints in _STATUS_WORDS.items():
        if any(hint in words for hint in hints):
            return status
    return Status.ACTIVE


def _when(text: str) -> datetime | None:
    if not text.strip():
        return None
    parsed = pd.to_datetime(text.strip(), errors="coerce", dayfirst=False)
    return None if pd.isna(parsed) else parsed.to_pydatetime().replace(tzinfo=None, microsecond=0)


@dataclass
class Preview:
    applications: list[Application] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    duplicates: int = 0

    def rows(self) -> list[dict]:
        return [
            {
                "Company": a.company,
                "Role": a.role,
                "Stage": a.status.value,
                "Job link": a.job_link,
                "Added": a.created_at,
            }
            for a in self.applications
        ]


def preview(frame: pd.DataFrame, mapping: dict[str, str | None], existing: list[Application]) -> Preview:
    """What an import would add, row by row, and why a row would be left out."""
    missing = [target for target in REQUIRED if not mapping.get(target)]
    if missing:
        raise SpreadsheetRefused(f"Choose the column that holds: {', '.join(missing)}.")
    known = {(a.company.casefold(), a.role.casefold()) for a in existing}
    result = Preview()

    def cell(row, target: str) -> str:
        column = mapping.get(target)
        return str(row[column]).strip() if column else ""

    for number, (_, row) in enumerate(frame.iterrows(), start=2):
        application = Application(
            company=cell(row, "company"),
            role=cell(row, "role"),
            field_pace=FieldPace.STANDARD,
            formality=Formality.CASUAL,
            status=status_from(cell(row, "status")),
            job_link=cell(row, "job_link"),
            notes=cell(row, "notes"),
            created_at=_when(cell(row, "created_at")) or clock.now().replace(microsecond=0),
        )
        errors = validation.validate_application(application)
        if errors:
            _field_name, message = next(iter(errors.items()))
            result.problems.append(f"Line {number}: {message}")
            continue
        key = (application.company.casefold(), application.role.casefold())
        if key in known:
            result.duplicates += 1
            continue
        known.add(key)
        result.applications.append(application)
    return result
