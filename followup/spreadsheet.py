"""Spreadsheets in and out: every table as CSV, and applications from another tracker.

Cells that a spreadsheet would run as a formula (starting with =, +, -, @, a
tab or a carriage return) are written with a leading apostrophe, so a note
such as "=HYPERLINK(...)" is shown as text, never run.

A tracker's CSV file comes in whatever encoding the program that wrote it
used: it is detected (charset-normalizer), shown, and the user can choose
another. Dates such as 01/11/2026 read one way in Europe and another in the
United States: when the file itself does not tell, the user is asked.
"""

from __future__ import annotations

import codecs
import csv
import enum
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time

import pandas as pd
from charset_normalizer import from_bytes

from followup import backup, clock, validation
from followup.errors import FollowupError
from followup.model import Application, FieldPace, Formality, Status
from followup.store import Store

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000

# The encodings offered when the detected one reads wrong, by their Python codec name.
ENCODINGS = {
    "utf-8": "UTF-8 (Unicode)",
    "utf-16": "UTF-16 (Unicode text from Excel)",
    "cp1252": "Windows-1252 (Western Europe and the Americas)",
    "cp1250": "Windows-1250 (Central Europe)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "cp1253": "Windows-1253 (Greek)",
    "cp1254": "Windows-1254 (Turkish)",
    "cp1257": "Windows-1257 (Baltic)",
    "iso8859-1": "ISO-8859-1 (Latin-1)",
    "iso8859-2": "ISO-8859-2 (Latin-2)",
    "iso8859-15": "ISO-8859-15 (Latin-9)",
    "mac-roman": "Mac OS Roman",
    "koi8-r": "KOI8-R (Russian)",
    "shift_jis": "Shift JIS (Japanese)",
    "gb18030": "GB 18030 (Chinese)",
    "big5": "Big5 (Traditional Chinese)",
    "euc_kr": "EUC-KR (Korean)",
}


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


def encoding_name(encoding: str) -> str:
    """How the user sees an encoding, e.g. "Windows-1250 (Central Europe)"."""
    return ENCODINGS.get(encoding, encoding)


def detect_encoding(data: bytes) -> str:
    """The Python codec name of the encoding the file is most likely in."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    best = from_bytes(data).best()
    if best is None:
        raise SpreadsheetRefused(
            "This is not a text file, or its characters cannot be told apart. Save it as CSV (UTF-8) and try again."
        )
    return codecs.lookup(best.encoding).name


@dataclass(frozen=True)
class Table:
    """A tracker's CSV file as read: every cell as text, and the encoding used to read it."""

    frame: pd.DataFrame
    encoding: str
    detected: str


def read_table(data: bytes, encoding: str | None = None) -> Table:
    """A CSV file from any spreadsheet or tracker, in the given encoding or the one detected."""
    if len(data) > MAX_BYTES:
        raise SpreadsheetRefused(f"The file is over {MAX_BYTES // 1_000_000} MB; split it first.")
    if not data.strip():
        raise SpreadsheetRefused("The file is empty.")
    detected = detect_encoding(data)
    encoding = encoding or detected
    try:
        text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except (UnicodeDecodeError, LookupError):
        raise SpreadsheetRefused(
            f"This file cannot be read as {encoding_name(encoding)}: choose another encoding."
        ) from None
    if "\x00" in text:
        raise SpreadsheetRefused("This is not a CSV file (it holds binary data). Save it as CSV first.")
    try:
        frame = pd.read_csv(
            io.StringIO(text), sep=None, engine="python", dtype=str, keep_default_na=False, nrows=MAX_ROWS + 1
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error, ValueError) as error:
        raise SpreadsheetRefused(f"This CSV file cannot be read: {_first_line(error)}") from None
    if frame.empty:
        raise SpreadsheetRefused("The file has a header but no rows.")
    if len(frame) > MAX_ROWS:
        raise SpreadsheetRefused(f"The file has more than {MAX_ROWS:,} rows; import it in parts.")
    frame.columns = [validation.clean_text(str(c), multiline=False).strip() for c in frame.columns]
    return Table(frame, encoding, detected)


def _first_line(error: Exception) -> str:
    return validation.clean_text(
        str(error).splitlines()[0] if str(error) else type(error).__name__, multiline=False
    )


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


class DateOrder(enum.StrEnum):
    """How a file writes dates such as 01/11/2026."""

    DAY_FIRST = "day_first"  # 01/11/2026 is 1 November 2026
    MONTH_FIRST = "month_first"  # 01/11/2026 is January 11, 2026
    UNKNOWN = "unknown"  # the file does not tell: ask
    NOT_NEEDED = "not_needed"  # no date reads two ways


_NUMERIC_DATE = re.compile(
    r"(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)
_YEAR_FIRST = re.compile(r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def date_order(values: Iterable[str]) -> DateOrder:
    """What the dates of a column say about their order: a 25 first means day first, and so on."""
    day_first = month_first = two_ways = False
    for value in values:
        match = _NUMERIC_DATE.fullmatch(value.strip())
        if not match:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        day_first |= first > 12 >= second
        month_first |= second > 12 >= first
        two_ways |= first <= 12 and second <= 12 and first != second
    if day_first != month_first:
        return DateOrder.DAY_FIRST if day_first else DateOrder.MONTH_FIRST
    if day_first or two_ways:
        return DateOrder.UNKNOWN
    return DateOrder.NOT_NEEDED


class _Unreadable(ValueError):
    pass


def _when(text: str, order: DateOrder) -> datetime | None:
    """The date and time a cell names; _Unreadable says why not. Never a guess between day and month."""
    text = text.strip()
    if not text:
        return None
    numeric = _NUMERIC_DATE.fullmatch(text)
    year_first = _YEAR_FIRST.fullmatch(text)
    try:
        if numeric:
            first, second, year = int(numeric.group(1)), int(numeric.group(2)), int(numeric.group(3))
            year = year if year >= 100 else (1900 + year if year >= 70 else 2000 + year)
            if first > 12 or (order is DateOrder.DAY_FIRST and second <= 12):
                day, month = first, second
            elif second > 12 or order is DateOrder.MONTH_FIRST or first == second:
                day, month = second, first
            else:
                raise _Unreadable(f"“{text}” could be day first or month first")
            moment = datetime.combine(date(year, month, day), _clock_time(numeric.groups()[3:]))
        elif year_first:
            year, month, day = (int(part) for part in year_first.groups()[:3])
            moment = datetime.combine(date(year, month, day), _clock_time(year_first.groups()[3:]))
        elif re.search(r"[^\W\d_]", text):  # words such as "1 Nov 2026" or "November 1, 2026"
            parsed = pd.to_datetime(text, errors="coerce")
            if pd.isna(parsed):
                raise _Unreadable(f"“{text}” is not a date we can read")
            moment = parsed.to_pydatetime().replace(tzinfo=None, microsecond=0)
        else:
            raise _Unreadable(f"“{text}” is not a date we can read")
    except (ValueError, OverflowError) as error:
        if isinstance(error, _Unreadable):
            raise
        raise _Unreadable(f"“{text}” is not a real date") from None
    problem = validation.date_problem(moment)
    if problem:
        raise _Unreadable(problem)
    return moment


def _clock_time(parts: tuple) -> time:
    hour, minute, second = parts
    if hour is None:
        return time(0, 0)
    return time(int(hour), int(minute), int(second or 0))


@dataclass
class Preview:
    applications: list[Application] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    duplicates: int = 0
    order: DateOrder = DateOrder.NOT_NEEDED

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


def dates_in(frame: pd.DataFrame, mapping: dict[str, str | None]) -> DateOrder:
    """How the mapped date column writes its dates (NOT_NEEDED without a date column)."""
    column = mapping.get("created_at")
    return date_order(frame[column]) if column else DateOrder.NOT_NEEDED


def preview(
    frame: pd.DataFrame,
    mapping: dict[str, str | None],
    existing: list[Application],
    *,
    order: DateOrder | None = None,
) -> Preview:
    """What an import would add, row by row, and why a row would be left out.

    `order` is how the user says the dates are written; without it, the file
    must tell (see `date_order`), or SpreadsheetRefused asks for it.
    """
    missing = [target for target in REQUIRED if not mapping.get(target)]
    if missing:
        raise SpreadsheetRefused(f"Choose the column that holds: {', '.join(missing)}.")
    order = order or dates_in(frame, mapping)
    if order is DateOrder.UNKNOWN:
        raise SpreadsheetRefused(
            "Dates such as 01/11/2026 could be read day first or month first: choose how your file writes them."
        )
    known = {(a.company.casefold(), a.role.casefold()) for a in existing}
    result = Preview(order=order)

    def cell(row, target: str) -> str:
        column = mapping.get(target)
        multiline = target == "notes"
        return validation.clean_text(str(row[column]), multiline=multiline).strip() if column else ""

    for number, (_, row) in enumerate(frame.iterrows(), start=2):
        try:
            created_at = _when(cell(row, "created_at"), order)
        except _Unreadable as problem:
            result.problems.append(f"Line {number}: {str(problem).rstrip('.')}.")
            continue
        application = Application(
            company=cell(row, "company"),
            role=cell(row, "role"),
            field_pace=FieldPace.STANDARD,
            formality=Formality.CASUAL,
            status=status_from(cell(row, "status")),
            job_link=cell(row, "job_link"),
            notes=cell(row, "notes"),
            created_at=created_at or clock.now().replace(microsecond=0),
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
