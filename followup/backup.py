"""Everything the user saved, as one versioned JSON document, and back.

The format is described by a JSON Schema built from the model here (and kept
in docs/export-schema.json, which a test compares). An import is checked in
full before anything is written, then saved in one transaction: a file that
is malformed, truncated, of the wrong version or hostile changes nothing.

Records refer to each other by `ref`, a number local to the document, never
by database id: that makes export → import → export give the same document.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime

from jsonschema import Draft202012Validator

from followup import clock, tables, validation
from followup.errors import FollowupError
from followup.model import (
    Action,
    Application,
    ApplicationBundle,
    DebriefNotes,
    Interview,
    Interviewer,
    Letter,
    Settings,
)
from followup.store import Store

FORMAT = "followup-export"
VERSION = 1
MAX_BYTES = 20 * 1024 * 1024
MAX_TEXT = 100_000
MAX_ITEMS = 100_000

# Fields that only make sense inside one database, so they never leave it.
_INTERNAL = {"id", "version", "application_id", "interview_id", "interviewer_id"}


class ImportRefused(FollowupError):
    """The file cannot be imported; the message names the first problem and where it is."""


# -- from the model to JSON and back -------------------------------------------------


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, object], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls) if f.name not in _INTERNAL)


def _plain(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _record(obj) -> dict:
    return {name: _plain(getattr(obj, name)) for name, _ in _fields(type(obj))}


def _parse_value(hint: object, value: object) -> object:
    if value is None:
        return None
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    for option in options:
        if option is datetime:
            return datetime.fromisoformat(value)
        if option is date:
            return date.fromisoformat(value)
        if isinstance(option, type) and issubclass(option, enum.Enum):
            return option(value)
    return value


def _build(cls: type, data: dict, **links):
    values = {name: _parse_value(hint, data[name]) for name, hint in _fields(cls) if name in data}
    return cls(**values, **links)


# -- the schema ------------------------------------------------------------------------

_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_DATETIME = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$"}


def _column_length(cls: type, name: str) -> int:
    table = {
        Application: tables.applications,
        Interview: tables.interviews,
        Interviewer: tables.interviewers,
        Letter: tables.letters,
        Action: tables.actions,
        Settings: tables.settings,
    }.get(cls)
    column = table.c.get(name) if table is not None else None
    length = getattr(getattr(column, "type", None), "length", None)
    return length or MAX_TEXT


def _type_schema(cls: type, name: str, hint: object) -> dict:
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    nullable = type(None) in options
    base = next(o for o in options if o is not type(None))
    if base is bool:
        schema: dict = {"type": "boolean"}
    elif base is int:
        schema = {"type": "integer", "minimum": 0, "maximum": 1_000_000}
    elif base is datetime:
        schema = dict(_DATETIME)
    elif base is date:
        schema = dict(_DATE)
    elif isinstance(base, type) and issubclass(base, enum.Enum):
        schema = {"enum": [member.value for member in base]}
    elif typing.get_origin(base) is list:
        schema = {"type": "array", "maxItems": 10_000, "items": {"type": "string", "maxLength": 200}}
    else:
        schema = {"type": "string", "maxLength": _column_length(cls, name)}
    if nullable:
        return {"anyOf": [schema, {"type": "null"}]}
    return schema


def _object(cls: type, extra: dict | None = None, *, required: tuple[str, ...] = ()) -> dict:
    properties = {name: _type_schema(cls, name, hint) for name, hint in _fields(cls)}
    properties.update(extra or {})
    return {
        "type": "object",
        "additionalProperties": False,
        "required": sorted({*required, *(extra or {})}),
        "properties": properties,
    }


_REF = {"type": "integer", "minimum": 1, "maximum": 10_000_000}
_LINK = {"anyOf": [_REF, {"type": "null"}], "description": "ref of an interviewer of this application"}


def schema() -> dict:
    """The JSON Schema of an export document, built from the model so the two never drift."""

    def many(item: dict) -> dict:
        return {"type": "array", "maxItems": MAX_ITEMS, "items": item}

    interviewer = _object(
        Interviewer,
        {"ref": _REF, "notes": {"anyOf": [_object(DebriefNotes), {"type": "null"}]}},
        required=("name",),
    )
    interview = _object(Interview, {"ref": _REF, "interviewers": many(interviewer)}, required=("starts_at",))
    letter = _object(Letter, {"ref": _REF, "interviewer": _LINK}, required=("kind",))
    action = _object(Action, {"ref": _REF, "interviewer": _LINK}, required=("kind", "due", "channel"))
    application = _object(
        Application,
        {
            "ref": _REF,
            "interviews": many(interview),
            "letters": many(letter),
            "actions": many(action),
        },
        required=("company", "role"),
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "followup export",
        "description": "Everything a followup user saved. `ref` numbers link records inside one document.",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "version", "exported_at", "settings", "applications"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "exported_at": _DATETIME,
            "settings": _object(Settings),
            "applications": many(application),
        },
    }


_VALIDATOR = Draft202012Validator(schema())


# -- export ----------------------------------------------------------------------------


def export_document(store: Store, *, exported_at: datetime | None = None) -> dict:
    interviews_of: dict[int, list[Interview]] = {}
    for interview in store.list_interviews():
        interviews_of.setdefault(interview.application_id, []).append(interview)
    people_of: dict[int, list[Interviewer]] = {}
    for person in store.list_interviewers():
        people_of.setdefault(person.interview_id, []).append(person)
    notes = store.all_notes()
    letters_of: dict[int, list[Letter]] = {}
    for letter in store.list_letters():
        letters_of.setdefault(letter.application_id, []).append(letter)
    actions_of: dict[int, list[Action]] = {}
    for action in store.list_actions():
        actions_of.setdefault(action.application_id, []).append(action)

    refs = iter(range(1, 10_000_000))
    applications = []
    for application in sorted(store.list_applications(), key=lambda a: a.id):
        person_ref: dict[int, int] = {}
        interviews = []
        for interview in interviews_of.get(application.id, []):
            people = []
            for person in people_of.get(interview.id, []):
                person_ref[person.id] = next(refs)
                written = notes.get(person.id)
                people.append(
                    {
                        "ref": person_ref[person.id],
                        **_record(person),
                        "notes": _record(written) if written else None,
                    }
                )
            interviews.append({"ref": next(refs), **_record(interview), "interviewers": people})

        def linked(records, person_ref=person_ref):
            return [
                {"ref": next(refs), **_record(r), "interviewer": person_ref.get(r.interviewer_id)}
                for r in records
            ]

        applications.append(
            {
                "ref": next(refs),
                **_record(application),
                "interviews": interviews,
                "letters": linked(letters_of.get(application.id, [])),
                "actions": linked(actions_of.get(application.id, [])),
            }
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": (exported_at or clock.now()).replace(microsecond=0).isoformat(),
        "settings": _record(store.get_settings()),
        "applications": applications,
    }


def export_json(store: Store) -> bytes:
    return json.dumps(export_document(store), ensure_ascii=False, indent=2).encode("utf-8")


# -- import ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Parsed:
    settings: Settings
    bundles: list[ApplicationBundle]


def _place(path) -> str:
    """Where in the file, as a person counts: `applications[2].company`, the first entry being 1."""
    parts = []
    for step in path:
        parts.append(f"[{step + 1}]" if isinstance(step, int) else f".{step}")
    return "In " + "".join(parts).lstrip(".") if parts else "In the file"


def parse(data: bytes) -> Parsed:
    """Check a whole export file and turn it into records. Raises ImportRefused."""
    if len(data) > MAX_BYTES:
        raise ImportRefused(
            f"The file is {len(data) / 1e6:.1f} MB; exports are at most {MAX_BYTES // 1_000_000} MB."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(f"This is not a text file (byte {error.start} is not UTF-8).") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportRefused(
            f"This is not a complete JSON file: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None
    except RecursionError:
        raise ImportRefused("This file is nested far too deeply to be a followup export.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused('This is not a followup export (its "format" is not "followup-export").')
    if document.get("version") != VERSION:
        raise ImportRefused(
            f"This export has version {document.get('version')!r}; this followup reads version {VERSION}."
        )
    error = next(iter(sorted(_VALIDATOR.iter_errors(document), key=lambda e: list(e.path))), None)
    if error is not None:
        raise ImportRefused(f"{_place(error.absolute_path)}: {_short(error)}")
    try:
        return _records(document)
    except ValueError as problem:
        raise ImportRefused(str(problem)) from None


def _short(error) -> str:
    if error.validator == "additionalProperties":
        return f"unknown field ({error.message.split('(')[-1].rstrip(')')})"
    if error.validator == "maxLength":
        return f"text longer than {error.validator_value:,} characters"
    if error.validator == "maxItems":
        return f"more than {error.validator_value:,} entries"
    if error.validator == "type":
        expected = (
            error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        )
        wanted = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
        return (
            f"expected {wanted}, found {_TYPE_WORDS[_json_type(error.instance)]} ({_shown(error.instance)})"
        )
    if error.validator == "required":
        missing = error.message.split("'")[1] if error.message.count("'") >= 2 else error.message
        return f"the field {missing!r} is missing"
    if error.validator == "enum":
        return f"{_shown(error.instance)} is not one of {', '.join(map(str, error.validator_value))}"
    message = error.message
    return message if len(message) < 200 else message[:200] + "…"


_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a record",
    "null": "nothing (null)",
}


def _json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _shown(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:60] + "…"


def _records(document: dict) -> Parsed:
    seen: set[int] = set()

    def claim(ref: int, place: str) -> None:
        if ref in seen:
            raise ValueError(f"{place}: the ref {ref} is used twice.")
        seen.add(ref)

    def checked(obj, check, place: str):
        problems = check(obj)
        if problems:
            field, message = next(iter(problems.items()))
            raise ValueError(f"{place}.{field}: {message}")
        return obj

    bundles = []
    for a_index, app in enumerate(document["applications"], 1):
        where = f"In applications[{a_index}]"
        claim(app["ref"], where)
        try:
            application = checked(_build(Application, app), validation.validate_application, where)
            people_refs: dict[int, int] = {}
            interviews = []
            for i_index, item in enumerate(app["interviews"], 1):
                at = f"{where}.interviews[{i_index}]"
                claim(item["ref"], at)
                interview = checked(
                    _build(Interview, item, application_id=0), validation.validate_interview, at
                )
                people = []
                for p_index, person_data in enumerate(item["interviewers"], 1):
                    person_at = f"{at}.interviewers[{p_index}]"
                    claim(person_data["ref"], person_at)
                    person = checked(
                        _build(Interviewer, person_data, interview_id=0),
                        validation.validate_interviewer,
                        person_at,
                    )
                    person.id = people_refs[person_data["ref"]] = person_data["ref"]
                    notes = person_data["notes"]
                    people.append((person, _build(DebriefNotes, notes, interviewer_id=0) if notes else None))
                interviews.append((interview, people))

            def linked(kind: str, cls: type, app=app, where=where, people_refs=people_refs) -> list:
                records = []
                for index, data in enumerate(app[kind], 1):
                    at = f"{where}.{kind}[{index}]"
                    claim(data["ref"], at)
                    person = data["interviewer"]
                    if person is not None and person not in people_refs:
                        raise ValueError(
                            f"{at}.interviewer: no interviewer of this application has ref {person}."
                        )
                    records.append(_build(cls, data, application_id=0, interviewer_id=person))
                return records

            bundles.append(
                ApplicationBundle(
                    application, interviews, linked("letters", Letter), linked("actions", Action)
                )
            )
        except ValueError as problem:
            if str(problem).startswith("In "):
                raise
            raise ValueError(f"{where}: {problem}") from None
    return Parsed(_build(Settings, document["settings"]), bundles)


@dataclass(frozen=True)
class ImportSummary:
    added: int
    skipped: int


def _identity(application: Application) -> tuple:
    return (application.company, application.role, application.created_at)


def import_parsed(store: Store, parsed: Parsed, *, replace: bool) -> ImportSummary:
    """Save a checked document: `replace` everything, or merge without duplicates."""
    if replace:
        store.add_bundles(parsed.bundles, replace_all=True, settings=parsed.settings)
        return ImportSummary(added=len(parsed.bundles), skipped=0)
    existing = {_identity(a) for a in store.list_applications()}
    fresh = [b for b in parsed.bundles if _identity(b.application) not in existing]
    store.add_bundles(fresh)
    return ImportSummary(added=len(fresh), skipped=len(parsed.bundles) - len(fresh))
