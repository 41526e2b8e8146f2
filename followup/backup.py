"""Everything the user saved, as one versioned JSON document, and back.

The format is described by a JSON Schema built from the model here (and kept
in docs/export-schema.json, which a test compares). An import is checked in
full before anything is written, then saved in one transaction: a file that
is malformed, truncated, of the wrong version, too large or hostile changes
nothing. Every value is checked to the end: dates within the years the app
handles, a country with public holidays, text without control characters.

Records refer to each other by `ref`, a number local to the document, never
by database id: that makes export → import → export give the same document.
A backup may be gzip-compressed (`.json.gz`); the import recognises it by its
first bytes, whatever the file is called.
"""

from __future__ import annotations

import codecs
import dataclasses
import enum
import functools
import gc
import gzip
import itertools
import json
import operator
import re
import types
import typing
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import BinaryIO

import fastjsonschema
import msgspec

from followup import business_days, clock, event_ids, tables, validation
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
from followup.store import Store, is_one_line

FORMAT = "followup-export"
# Version 2 added the calendar event id (`uid`) of each follow-up action.
VERSION = 2
READABLE_VERSIONS = (1, 2)
# Sized from the largest export: the sample at 10,000 applications (as
# `python -m followup demo --applications 10000` builds it) exports 67 MB of
# JSON, 6.7 KB per application, and 5.4 MB compressed. A backup may hold up to
# MAX_APPLICATIONS, twice that, each with twice the sample's text: MAX_BYTES of
# JSON. Compressed, 20,000 applications like the sample's take 11 MB, under the
# upload limit of the Your data page (20 MB). `demo` builds no more than
# MAX_APPLICATIONS either.
MAX_APPLICATIONS = 20_000
MAX_BYTES = 300_000_000
MAX_TEXT = 100_000
MAX_ITEMS = 100_000
GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1024 * 1024

# Fields that only make sense inside one database, so they never leave it.
_INTERNAL = {"id", "version", "application_id", "interview_id", "interviewer_id"}
# Fields the model allows to be empty while building a record, but a document always holds.
_NEVER_NULL = {(Application, "created_at")}
_UID = re.compile(r"[!-~]{1,120}")


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


_TABLES = {
    Application: tables.applications,
    Interview: tables.interviews,
    Interviewer: tables.interviewers,
    DebriefNotes: tables.debrief_notes,
    Letter: tables.letters,
    Action: tables.actions,
    Settings: tables.settings,
}


def _parse_value(cls: type, name: str, hint: object, value: object) -> object:
    """A value of the document as the model holds it; ValueError says why it cannot be."""
    if value is None:
        return None
    kinds, one_line = _value_plan(cls, name, hint)
    for kind, option in kinds:
        if kind is _MOMENT:
            return _moment(option, value)
        if kind is _ENUM:
            try:
                return option._value2member_map_[value]
            except (KeyError, TypeError):
                return option(value)  # raises ValueError naming the value, or finds an alias
        if kind is _INT:
            if isinstance(value, (int, float)):
                return int(value)
            continue
        return [validation.clean_text(item, multiline=False) for item in value]
    if isinstance(value, str):
        return validation.clean_text(value, multiline=not one_line)
    return value


_MOMENT, _ENUM, _INT, _LIST = "moment", "enum", "int", "list"


@functools.cache
def _value_plan(cls: type, name: str, hint: object) -> tuple[tuple[tuple[str, object], ...], bool]:
    """How `_parse_value` reads a field: what each option of its type asks, in order, and
    whether its text is one line. Worked out once per field, not once per value."""
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    kinds = []
    for option in options:
        if option is datetime or option is date:
            kinds.append((_MOMENT, option))
        elif isinstance(option, type) and issubclass(option, enum.Enum):
            kinds.append((_ENUM, option))
        elif option is int:
            kinds.append((_INT, option))
        elif typing.get_origin(option) is list:
            kinds.append((_LIST, option))
    table = _TABLES.get(cls)
    return tuple(kinds), table is not None and is_one_line(table, name)


def _moment(kind: type, text: str) -> date | datetime:
    what = "date and time" if kind is datetime else "date"
    try:
        value = kind.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"{_shown(text)} is not a real {what} ({error}).") from None
    problem = validation.date_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _build(cls: type, data: dict, place: str, **links):
    readers = _readers(cls)
    try:
        values = {name: read(data[name]) for name, read in readers if name in data}
    except ValueError:
        # Read again one by one, to say which field it is.
        for name, read in readers:
            try:
                read(data.get(name))
            except ValueError as problem:
                raise ImportRefused(f"{place}.{name}: {problem}") from None
        raise
    return cls(**values, **links)


@functools.cache
def _readers(cls: type) -> tuple[tuple[str, typing.Callable[[object], object]], ...]:
    """For each field of `cls`, the function that reads its value from the document.

    A restore of 10,000 applications reads over a million values: what a field's
    type asks is worked out here once, not once per value."""
    return tuple((name, _reader(cls, name, hint)) for name, hint in _fields(cls))


def _reader(cls: type, name: str, hint: object) -> typing.Callable[[object], object]:
    kinds, one_line = _value_plan(cls, name, hint)
    if not kinds:
        # Text, or a value JSON gives as the model holds it (true, false, null).
        multiline = not one_line

        def text(value: object) -> object:
            return validation.clean_text(value, multiline=multiline) if value.__class__ is str else value

        return text
    if len(kinds) == 1 and kinds[0][0] is _ENUM:
        kind = kinds[0][1]
        members = kind._value2member_map_

        def member(value: object) -> object:
            if value is None:
                return None
            try:
                return members[value]
            except (KeyError, TypeError):
                return kind(value)  # raises ValueError naming the value, or finds an alias

        return member
    if len(kinds) == 1 and kinds[0][0] is _MOMENT:
        moment_kind = kinds[0][1]

        def moment(value: object) -> object:
            return None if value is None else _moment(moment_kind, value)

        return moment
    return functools.partial(_parse_value, cls, name, hint)


# -- the schema ------------------------------------------------------------------------

_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_DATETIME = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$"}


def _column_length(cls: type, name: str) -> int:
    table = _TABLES.get(cls)
    column = table.c.get(name) if table is not None else None
    length = getattr(getattr(column, "type", None), "length", None)
    return length or MAX_TEXT


def _type_schema(cls: type, name: str, hint: object) -> dict:
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    nullable = type(None) in options and (cls, name) not in _NEVER_NULL
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
    if not nullable:
        return schema
    if "enum" in schema:
        return {"enum": [*schema["enum"], None]}
    return {**schema, "type": [schema["type"], "null"]}


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
_LINK = {**_REF, "type": ["integer", "null"], "description": "ref of an interviewer of this application"}


def schema() -> dict:
    """The JSON Schema of an export document, built from the model so the two never drift."""

    def many(item: dict, most: int = MAX_ITEMS) -> dict:
        return {"type": "array", "maxItems": most, "items": item}

    notes = _object(DebriefNotes)
    interviewer = _object(
        Interviewer,
        {"ref": _REF, "notes": {**notes, "type": ["object", "null"]}},
        required=("name",),
    )
    interview = _object(Interview, {"ref": _REF, "interviewers": many(interviewer)}, required=("starts_at",))
    letter = _object(Letter, {"ref": _REF, "interviewer": _LINK}, required=("kind",))
    action = _object(Action, {"ref": _REF, "interviewer": _LINK}, required=("kind", "due", "channel"))
    action["properties"]["uid"]["description"] = (
        "the action's calendar event id; left out by version 1, which gets one made from the action"
    )
    application = _object(
        Application,
        {
            "ref": _REF,
            "interviews": many(interview),
            "letters": many(letter),
            "actions": many(action),
        },
        required=("company", "role", "created_at"),
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
            "version": {"enum": list(READABLE_VERSIONS)},
            "exported_at": _DATETIME,
            "settings": _object(Settings),
            "applications": many(application, MAX_APPLICATIONS),
        },
    }


@functools.cache
def _validator():
    # Compiled to Python once: it checks a 10,000-application backup in seconds, not a minute.
    return fastjsonschema.compile(schema(), detailed_exceptions=True)


@functools.cache
def _decoder() -> msgspec.json.Decoder:
    """The schema as msgspec types: they read a valid backup and check it in one pass, in a
    fifth of the time of reading the JSON and then checking it.

    They refuse whatever the schema refuses (and a few odd files it allows, such as
    duplicate fields); a refused file is read again the slow way, whose messages
    say what is wrong and where."""
    return msgspec.json.Decoder(_msgspec_type(schema(), "Document"))


def _msgspec_type(node: dict, name: str) -> object:
    """The msgspec type of one node of the schema (the kinds of node `schema` writes)."""
    if "const" in node:
        return typing.Literal[node["const"]]
    if "enum" in node:
        choices = typing.Literal[tuple(value for value in node["enum"] if value is not None)]
        return choices | None if None in node["enum"] else choices
    kinds = node["type"] if isinstance(node["type"], list) else [node["type"]]
    kind = next(kind for kind in kinds if kind != "null")
    if kind == "object":
        required = set(node["required"])
        fields = [
            (key, _msgspec_type(part, name + key.title()))
            if key in required
            # Left out, the field stays out of the document: UNSET is not written back.
            else (key, _msgspec_type(part, name + key.title()) | msgspec.UnsetType, msgspec.UNSET)
            for key, part in node["properties"].items()
        ]
        found = msgspec.defstruct(name, fields, kw_only=True, forbid_unknown_fields=True)
    elif kind == "array":
        item = _msgspec_type(node["items"], name + "Item")
        found = typing.Annotated[list[item], msgspec.Meta(max_length=node["maxItems"])]
    elif kind == "string":
        limits = {"max_length": node.get("maxLength"), "pattern": node.get("pattern")}
        found = typing.Annotated[str, msgspec.Meta(**{k: v for k, v in limits.items() if v is not None})]
    elif kind == "integer":
        found = typing.Annotated[int, msgspec.Meta(ge=node["minimum"], le=node["maximum"])]
    elif kind == "boolean":
        found = bool
    else:
        raise ValueError(f"the schema has a node msgspec is not told about: {node}")
    return found | None if "null" in kinds else found


def _read_valid(data: bytes) -> dict | None:
    """The document of a backup that the schema accepts, as json.loads reads it; else None."""
    try:
        return msgspec.to_builtins(_decoder().decode(data))
    except msgspec.DecodeError:  # also a msgspec.ValidationError
        return None


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


def export_json_gz(store: Store) -> bytes:
    """The same document, gzip-compressed: about a seventeenth of the size."""
    return gzip.compress(export_json(store), compresslevel=6, mtime=0)


# -- reading a file ------------------------------------------------------------------


def read_file(source: BinaryIO, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a backup file, read in chunks and never more than `limit` of them.

    What is plainly not a backup (an image, /dev/zero) is refused after its
    first chunk, before the rest is read.
    """
    chunks, size = [], 0
    while True:
        chunk = source.read(_CHUNK)
        if not chunk:
            break
        if size == 0:
            _sniff(chunk)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise ImportRefused(_too_big(f"over {limit / 1e6:,.0f} MB"))
    return b"".join(chunks)


def _sniff(start: bytes) -> None:
    """Refuse a file whose first bytes are neither JSON text nor gzip."""
    if start.startswith(GZIP_MAGIC):
        return
    text = start[:64].removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    if text and not text.startswith(b"{"):
        raise ImportRefused(
            "This is not a followup backup: a backup is a JSON file (.json) or a compressed one (.json.gz)."
        )


def _too_big(size: str) -> str:
    return (
        f"The file is {size}; followup reads backups of up to {MAX_BYTES / 1e6:,.0f} MB of JSON "
        f"(about {MAX_APPLICATIONS:,} applications)."
    )


def _gunzip(data: bytes) -> bytes:
    inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        text = inflater.decompress(data, MAX_BYTES + 1)
    except zlib.error:
        raise ImportRefused("This compressed file is damaged: it cannot be unpacked.") from None
    if len(text) > MAX_BYTES:
        raise ImportRefused(_too_big(f"over {MAX_BYTES / 1e6:,.0f} MB once unpacked"))
    if not inflater.eof:
        raise ImportRefused("This compressed file is cut short (was the download interrupted?).")
    return text


# -- import ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Parsed:
    settings: Settings
    bundles: list[ApplicationBundle]
    version: int = VERSION


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


@contextmanager
def _all_kept() -> Iterator[None]:
    """Python's collector of reference cycles paused while a backup is read or saved.

    A restore of 10,000 applications holds millions of objects that all stay alive
    until it is saved, and none of them in a cycle: the collector would go over all
    of them again and again, for a third of the import's time, and find nothing."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def parse(data: bytes) -> Parsed:
    """Check a whole export file (JSON, or JSON compressed with gzip) and turn it into records.

    Raises ImportRefused with a message that says what is wrong and where.
    """
    with _all_kept():
        return _parse(data)


def _parse(data: bytes) -> Parsed:
    if len(data) > MAX_BYTES:
        raise ImportRefused(_too_big(f"{len(data) / 1e6:,.1f} MB"))
    _sniff(data[:_CHUNK])
    if data.startswith(GZIP_MAGIC):
        data = _gunzip(data)
    document = _read_valid(data.removeprefix(codecs.BOM_UTF8))
    if document is not None:
        return _records(document)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(f"This is not a text file (byte {error.start} is not UTF-8).") from None
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise ImportRefused(
            f"This is not a complete JSON file: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None
    except RecursionError:
        raise ImportRefused("This file is nested far too deeply to be a followup export.") from None
    except ValueError as error:
        # Numbers JSON allows but nobody writes: NaN, Infinity, or thousands of digits.
        raise ImportRefused(
            f"This file holds a number followup cannot read ({_first_line(error)})."
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused('This is not a followup export (its "format" is not "followup-export").')
    version = document.get("version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        newer = isinstance(version, int) and not isinstance(version, bool) and version > VERSION
        raise ImportRefused(
            f"This export has version {_shown(version)}; this followup reads versions "
            f"{', '.join(map(str, READABLE_VERSIONS))}."
            + (" It was written by a newer followup: update this one to import it." if newer else "")
        )
    try:
        _validator()(document)
    except fastjsonschema.JsonSchemaValueException as error:
        raise ImportRefused(f"{_place(error.name)}: {_short(error)}") from None
    return _records(document)


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0][:120]


def _place(name: str) -> str:
    """Where in the file, as a person counts: `applications[2].company`, the first entry being 1."""
    path = re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + 1}]", name.removeprefix("data").lstrip("."))
    return f"In {path}" if path else "In the file"


def _short(error: fastjsonschema.JsonSchemaValueException) -> str:
    rule, wanted, value = error.rule, error.rule_definition, error.value
    if rule == "additionalProperties":
        unknown = sorted(set(value) - set((error.definition or {}).get("properties", {})))
        return f"unknown field{'s' if len(unknown) > 1 else ''} {', '.join(map(_shown, unknown))}"
    if rule == "required":
        missing = sorted(set(wanted) - set(value))
        return f"the field {missing[0]!r} is missing"
    if rule == "maxLength":
        return f"text longer than {wanted:,} characters"
    if rule == "maxItems":
        return f"more than {wanted:,} entries"
    if rule in ("minimum", "maximum"):
        low, high = error.definition.get("minimum"), error.definition.get("maximum")
        return f"expected a whole number from {low:,} to {high:,}, found {_shown(value)}"
    if rule == "type":
        expected = wanted if isinstance(wanted, list) else [wanted]
        text = _PATTERN_WORDS.get((error.definition or {}).get("pattern"), _TYPE_WORDS["string"])
        words = " or ".join(text if t == "string" else _TYPE_WORDS.get(t, t) for t in expected)
        found = _TYPE_WORDS[_json_type(value)]
        return f"expected {words}, found {found}" + ("" if value is None else f" ({_shown(value)})")
    if rule == "enum":
        choices = ", ".join("null" if choice is None else str(choice) for choice in wanted)
        return f"{_shown(value)} is not one of {choices}"
    if rule == "pattern" and wanted in _PATTERN_WORDS:
        return f"expected {_PATTERN_WORDS[wanted]}, found {_shown(value)}"
    return f"{_shown(value)} is not allowed here"


_PATTERN_WORDS = {
    _DATE["pattern"]: "a date written YYYY-MM-DD",
    _DATETIME["pattern"]: "a date and time written YYYY-MM-DDTHH:MM:SS",
}


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
    """A value as the message quotes it: short, on one line, without control characters."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except ValueError:  # an integer of thousands of digits
        text = "a very long number"
    text = validation.clean_text(text, multiline=False)
    return text if len(text) <= 60 else text[:60] + "…"


def _records(document: dict) -> Parsed:
    """The records of a document the schema accepts, or ImportRefused naming the first problem."""
    settings = _settings(document)
    try:
        return _records_at_once(document, settings)
    except Exception:  # noqa: BLE001 - whatever stops it, the reading record by record finds and names
        return _records_one_by_one(document, settings)


def _checked(obj, check, place: str):
    """`obj` if the forms' `check` finds nothing wrong with it; else ImportRefused naming the first field."""
    problems = check(obj)
    if problems:
        field, message = next(iter(problems.items()))
        raise ImportRefused(f"{place}.{field}: {message}")
    return obj


def _settings(document: dict) -> Settings:
    place = "In settings"
    settings = _checked(_build(Settings, document["settings"], place), validation.validate_settings, place)
    settings.country = validation.canonical_country(settings.country)
    settings.subdivision = business_days.check_subdivision(settings.country, settings.subdivision)
    return settings


def _records_one_by_one(document: dict, settings: Settings) -> Parsed:
    """The records, read and checked one at a time in the document's order: the first
    problem found is the first in the file, and the message says where it is."""
    seen: set[int] = set()

    def claim(ref: int, place: str) -> None:
        if ref in seen:
            raise ImportRefused(f"{place}: the ref {ref} is used twice.")
        seen.add(ref)

    bundles = []
    for a_index, app in enumerate(document["applications"], 1):
        where = f"In applications[{a_index}]"
        claim(app["ref"], where)
        application = _checked(_build(Application, app, where), validation.validate_application, where)
        names: dict[int, str] = {}
        interviews = []
        for i_index, item in enumerate(app["interviews"], 1):
            at = f"{where}.interviews[{i_index}]"
            claim(item["ref"], at)
            interview = _checked(
                _build(Interview, item, at, application_id=0), validation.validate_interview, at
            )
            people = []
            for p_index, person_data in enumerate(item["interviewers"], 1):
                person_at = f"{at}.interviewers[{p_index}]"
                claim(person_data["ref"], person_at)
                person = _checked(
                    _build(Interviewer, person_data, person_at, interview_id=0),
                    validation.validate_interviewer,
                    person_at,
                )
                person.id = person_data["ref"]
                names[person.id] = person.name
                notes = person_data["notes"]
                people.append(
                    (
                        person,
                        _build(DebriefNotes, notes, f"{person_at}.notes", interviewer_id=0)
                        if notes
                        else None,
                    )
                )
            interviews.append((interview, people))

        def linked(kind: str, cls: type, check, app=app, where=where, names=names) -> list:
            records = []
            for index, data in enumerate(app[kind], 1):
                at = f"{where}.{kind}[{index}]"
                claim(data["ref"], at)
                person = data["interviewer"]
                if person is not None and person not in names:
                    raise ImportRefused(
                        f"{at}.interviewer: no interviewer of this application has ref {person}."
                    )
                records.append(
                    _checked(_build(cls, data, at, application_id=0, interviewer_id=person), check, at)
                )
            return records

        actions = linked("actions", Action, validation.validate_action)
        _give_event_ids(application, actions, names, where)
        bundles.append(
            ApplicationBundle(
                application, interviews, linked("letters", Letter, validation.validate_letter), actions
            )
        )
    return Parsed(settings, bundles, document["version"])


class _NotAtOnce(Exception):
    """Something the reading a field at a time leaves to the reading record by record."""


_ABSENT = object()


def _records_at_once(document: dict, settings: Settings) -> Parsed:
    """The records `_records_one_by_one` gives, read a field at a time over every record.

    A restore of 10,000 applications reads over a million values, and calling a
    reader for each took most of the time: a column of values is read in one go
    instead (its texts checked joined, its dates bounded by the earliest and the
    latest). Each record is then checked as the forms check it. Any problem at
    all raises, and the reading one by one finds it again and says where it is.
    """
    applications = document["applications"]
    # Every record of a kind, in the document's order, with the position of what it belongs to.
    interviews, interview_of, people, person_of, notes, notes_of = [], [], [], [], [], []
    linked = {"letters": ([], [], []), "actions": ([], [], [])}  # records, application, interviewer ref
    refs = []
    for a_index, app in enumerate(applications):
        refs.append(app["ref"])
        names = set()
        for item in app["interviews"]:
            refs.append(item["ref"])
            interviews.append(item)
            interview_of.append(a_index)
            for person in item["interviewers"]:
                refs.append(person["ref"])
                names.add(person["ref"])
                people.append(person)
                person_of.append(len(interviews) - 1)
                if person["notes"]:
                    notes.append(person["notes"])
                    notes_of.append(len(people) - 1)
        for kind, (records, owners, persons) in linked.items():
            for data in app[kind]:
                refs.append(data["ref"])
                if data["interviewer"] is not None and data["interviewer"] not in names:
                    raise _NotAtOnce
                records.append(data)
                owners.append(a_index)
                persons.append(data["interviewer"])
    if len(set(refs)) != len(refs):
        raise _NotAtOnce
    zero = itertools.repeat(0)
    parts = [([], [], []) for _ in applications]  # each application's interviews, letters, actions
    panels = []
    for interview, owner in zip(
        _read_all(Interview, interviews, validation.validate_interview, application_id=zero),
        interview_of,
        strict=True,
    ):
        panels.append([])
        parts[owner][0].append((interview, panels[-1]))
    person_records = _read_all(
        Interviewer,
        people,
        validation.validate_interviewer,
        interview_id=zero,
        id=[person["ref"] for person in people],
    )
    notes_of_person = dict(
        zip(notes_of, _read_all(DebriefNotes, notes, None, interviewer_id=zero), strict=True)
    )
    for index, (person, interview_index) in enumerate(zip(person_records, person_of, strict=True)):
        panels[interview_index].append((person, notes_of_person.get(index)))
    for slot, (kind, cls, check) in enumerate(
        (("letters", Letter, validation.validate_letter), ("actions", Action, validation.validate_action)),
        start=1,
    ):
        records, owners, persons = linked[kind]
        for record, owner in zip(
            _read_all(cls, records, check, application_id=zero, interviewer_id=persons), owners, strict=True
        ):
            parts[owner][slot].append(record)
    bundles = []
    for a_index, (application, (app_interviews, letters, actions)) in enumerate(
        zip(_read_all(Application, applications, validation.validate_application), parts, strict=True), 1
    ):
        names = {person.id: person.name for _, panel in app_interviews for person, _ in panel}
        _give_event_ids(application, actions, names, f"In applications[{a_index}]")
        bundles.append(ApplicationBundle(application, app_interviews, letters, actions))
    return Parsed(settings, bundles, document["version"])


def _read_all(cls: type, documents: list[dict], check, **links) -> list:
    """A `cls` of each of `documents`, its fields read a column at a time; `links` gives the
    columns of the fields a document does not hold (ids, a column or a value repeated)."""
    readable = dict(_fields(cls))
    read = [name for name in readable if name not in links]
    take = operator.itemgetter(*read)
    try:
        # One call per document takes every field it holds (all of them, as an export writes it).
        rows = map(take, documents) if len(read) > 1 else ((take(data),) for data in documents)
        found = (
            dict(zip(read, zip(*rows, strict=True), strict=True)) if documents else dict.fromkeys(read, ())
        )
    except KeyError:
        found = {name: [data.get(name, _ABSENT) for data in documents] for name in read}
    columns = []
    for field in dataclasses.fields(cls):
        if field.name in links:
            columns.append(links[field.name])
        elif field.name in found:
            columns.append(_read_column(cls, field, readable[field.name], list(found[field.name])))
        elif field.default is not dataclasses.MISSING:
            columns.append(itertools.repeat(field.default))
        else:
            raise _NotAtOnce
    # Not strict: the repeated values go on for ever.
    records = [cls(*row) for row in zip(*columns, strict=False)]
    if check is not None and any(map(check, records)):
        raise _NotAtOnce
    return records


def _read_column(cls: type, field: dataclasses.Field, hint: object, values: list) -> list:
    """A field's values as `_build` reads them one by one (a field left out: its default)."""
    if _ABSENT not in values:
        return _read_values(cls, field.name, hint, values)
    if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
        raise _NotAtOnce
    read = iter(_read_values(cls, field.name, hint, [value for value in values if value is not _ABSENT]))
    return [
        (field.default if field.default_factory is dataclasses.MISSING else field.default_factory())
        if value is _ABSENT
        else next(read)
        for value in values
    ]


def _read_values(cls: type, name: str, hint: object, values: list) -> list:
    kinds, one_line = _value_plan(cls, name, hint)
    if not kinds:
        if hint is str:
            return validation.clean_texts(values, multiline=not one_line)
        if str in set(map(type, values)):
            raise _NotAtOnce  # one by one, a text here would be cleaned
        return values
    if len(kinds) > 1 or kinds[0][0] is _LIST:
        return [_parse_value(cls, name, hint, value) for value in values]
    kind, option = kinds[0]
    if kind is _ENUM:
        members = option._value2member_map_
        return [None if value is None else members[value] for value in values]
    if kind is _MOMENT:
        read = option.fromisoformat
        moments = [None if value is None else read(value) for value in values]
        known = [moment for moment in moments if moment is not None]
        # Every value lies between these two.
        if known and (validation.date_problem(min(known)) or validation.date_problem(max(known))):
            raise _NotAtOnce
        return moments
    if not set(map(type, values)) <= {int, type(None)}:
        raise _NotAtOnce
    return values


def _give_event_ids(
    application: Application, actions: list[Action], names: dict[int, str], where: str
) -> None:
    """Check the actions' calendar event ids; make one for each action that came without (version 1).

    A made id depends only on what the file says, so importing the same file
    again gives the same ids, and the calendar events it exported match.
    """
    repeats: Counter = Counter()
    for index, action in enumerate(actions, 1):
        if action.uid:
            if not _UID.fullmatch(action.uid):
                raise ImportRefused(
                    f"{where}.actions[{index}].uid: an event id is 1 to 120 letters, digits and "
                    "punctuation, without spaces."
                )
            continue
        who = names.get(action.interviewer_id, action.recipient)
        key = (
            application.company,
            application.role,
            application.created_at.isoformat(),
            action.kind.value,
            who,
            action.attempt,
        )
        repeats[key] += 1
        action.uid = event_ids.derived_uid((*key, repeats[key]))


@dataclass(frozen=True)
class ImportSummary:
    added: int
    skipped: int


def _identity(application) -> tuple:
    """An application a merge would not add twice: a saved row or a new Application."""
    return (application.company, application.role, application.created_at)


def import_parsed(store: Store, parsed: Parsed, *, replace: bool) -> ImportSummary:
    """Save a checked document: `replace` everything, or merge without duplicates."""
    with _all_kept():
        return _import_parsed(store, parsed, replace=replace)


def _import_parsed(store: Store, parsed: Parsed, *, replace: bool) -> ImportSummary:
    if replace:
        store.add_bundles(parsed.bundles, replace_all=True, settings=parsed.settings)
        return ImportSummary(added=len(parsed.bundles), skipped=0)
    added = store.add_new_bundles(parsed.bundles, _identity)
    return ImportSummary(added=len(added), skipped=len(parsed.bundles) - len(added))
