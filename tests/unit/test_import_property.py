"""Any JSON values anywhere in a backup: the import refuses with a message, or what it saved
works everywhere: every command, every download, a recomputed plan, and a backup of it that
restores to the same."""

import gzip
import json
import re

import pytest
from hypothesis import HealthCheck, event, given, settings

from followup import backup, clock, planning, spreadsheet
from followup.calendar_export import build_ics
from followup.cli import main
from followup.store import Store
from tests.hostile_backups import TODAY, base_document, hostile_backup

BASE = base_document(3)


def _refusal_is_a_message(refusal: backup.ImportRefused) -> None:
    message = str(refusal)
    assert message and "\n" not in message and "Traceback" not in message
    assert len(message) < 600


def _usable(url: str, capsysbinary) -> None:
    """Every command and download works on the database at `url`, and its backup restores the same."""
    store = Store.open(url)
    try:
        planning.replan_all(store)
        build_ics(planning.calendar_entries(store))
        spreadsheet.csv_zip(store)
        written = backup.export_json_gz(store)
        copy = Store.open("sqlite://")
        backup.import_parsed(copy, backup.parse(written), replace=True)
        document = backup.export_document(copy)
        assert document["applications"] == backup.export_document(store)["applications"]
        assert document["settings"] == backup.export_document(store)["settings"]
    finally:
        store.close()
    for argv in (
        ["export", "--format", "ics"],
        ["export", "--format", "json"],
        ["export", "--format", "csv"],
        ["due", "--format", "json"],
        ["due"],
        ["plan", "--interview-date", "2026-11-20"],
    ):
        assert main([*argv, *(["--database", url] if argv[0] != "plan" else [])]) == 0, (
            capsysbinary.readouterr().err
        )
    capsysbinary.readouterr()


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(data=hostile_backup(BASE))
def test_any_backup_is_refused_in_words_or_works_everywhere(
    data, tmp_path_factory, capsysbinary, monkeypatch
):
    monkeypatch.setenv("FOLLOWUP_DATABASE_URL", "sqlite://")
    clock.set_now(TODAY)
    try:
        try:
            parsed = backup.parse(data)
        except backup.ImportRefused as refusal:
            event("refused")
            _refusal_is_a_message(refusal)
            return
        event("imported")
        url = f"sqlite:///{tmp_path_factory.mktemp('imported') / 'followup.db'}"
        backup.import_parsed(Store.open(url), parsed, replace=True)
        _usable(url, capsysbinary)
    finally:
        clock.set_now(None)


def test_the_unchanged_base_imports_so_the_property_is_not_all_refusals(tmp_path, capsysbinary):
    clock.set_now(TODAY)
    try:
        url = f"sqlite:///{tmp_path / 'followup.db'}"
        backup.import_parsed(Store.open(url), backup.parse(json.dumps(BASE).encode()), replace=True)
        _usable(url, capsysbinary)
    finally:
        clock.set_now(None)


def test_the_fast_check_agrees_with_the_reference_validator():
    """The schema is a valid JSON Schema, and jsonschema accepts what the compiled check accepts."""
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(backup.schema())
    validator = jsonschema.Draft202012Validator(backup.schema())
    assert validator.is_valid(BASE)
    broken = json.loads(json.dumps(BASE))
    broken["applications"][0]["actions"][0]["due"] = 7
    assert not validator.is_valid(broken)
    with pytest.raises(backup.ImportRefused, match=r"actions\[1\]\.due: expected a date written YYYY-MM-DD"):
        backup.parse(json.dumps(broken).encode())


# The shortcuts' properties: each compares `parse` with and without one shortcut.
_SHORTCUT_EXAMPLES = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _outcome(data: bytes):
    """What `parse` makes of `data`: the records, or the refusal's message."""
    try:
        return backup.parse(data)
    except backup.ImportRefused as refusal:
        return f"refused: {refusal}"


@_SHORTCUT_EXAMPLES
@given(data=hostile_backup(BASE))
def test_the_one_pass_read_accepts_only_what_the_schema_accepts_and_reads_it_alike(data):
    """The msgspec read is a shortcut: whatever it accepts, the schema accepts and json reads
    the same; whatever it refuses is read the slow way. Either way `parse` answers alike."""
    clock.set_now(TODAY)
    try:
        plain = gzip.decompress(data) if data.startswith(backup.GZIP_MAGIC) else data
        quick = backup._read_valid(plain)
        if quick is not None:
            event("read in one pass")
            document = json.loads(plain)
            assert quick == document
            backup._validator()(document)  # raises if the schema refuses it
        fast = _outcome(data)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(backup, "_read_valid", lambda _data: None)
            assert _outcome(data) == fast
    finally:
        clock.set_now(None)


@pytest.mark.parametrize(
    "change",
    [
        lambda text: text.replace('"due": "', '"due": "\\u0661', 1),  # a digit that is not 0-9
        lambda text: text.replace('"starts_at": "2026-', '"starts_at": " 2026-', 1),
        lambda text: text.replace('"starts_at": "2026-11-', '"starts_at": "2026-11-0', 1),
        lambda text: text.replace('", "role"', '\\n", "role"', 1),  # a line break in a one-line field
        lambda text: text.replace('"company"', '"company": "Twice", "company"', 1),
        lambda text: text.replace('"ref": 1,', '"ref": 1.0,', 1),
        lambda text: text.replace('"ref": 1,', '"ref": true,', 1),
        lambda text: text.replace('"version": 2', '"version": 2, "extra": 1', 1),
        lambda text: "\ufeff" + text,
        lambda text: text.replace('"ref": 1,', '"ref": 100000000000000000000000,', 1),
        lambda text: text.replace('"ref": 1,', '"ref": NaN,', 1),
    ],
)
def test_odd_but_possible_files_get_the_same_answer_both_ways(change, monkeypatch):
    text = change(json.dumps(BASE))
    assert text != json.dumps(BASE)
    data = text.encode("utf-8")
    clock.set_now(TODAY)
    try:
        fast = _outcome(data)
        monkeypatch.setattr(backup, "_read_valid", lambda _data: None)
        assert _outcome(data) == fast
    finally:
        clock.set_now(None)


def test_a_real_export_is_read_in_one_pass_as_json_reads_it():
    data = json.dumps(BASE).encode()
    assert backup._read_valid(data) == json.loads(data)


def _refuse_at_once(_document, _settings):
    raise AssertionError("not read at once")


@_SHORTCUT_EXAMPLES
@given(data=hostile_backup(BASE))
def test_reading_a_field_at_a_time_gives_what_reading_record_by_record_gives(data):
    """The column-wise reading is a shortcut too: the same records, or (on any problem) the
    reading record by record, whose refusal names the first problem and its place."""
    clock.set_now(TODAY)
    try:
        fast = _outcome(data)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(backup, "_records_at_once", _refuse_at_once)
            assert _outcome(data) == fast
    finally:
        clock.set_now(None)


def _read_at_once_only(monkeypatch) -> None:
    def never(_document, _settings):
        raise AssertionError("read record by record")

    monkeypatch.setattr(backup, "_records_one_by_one", never)


def test_a_real_export_is_read_a_field_at_a_time(monkeypatch):
    """The shortcut takes the files it is for: what the app writes, versions 1 and 2."""
    clock.set_now(TODAY)
    expected = backup.parse(json.dumps(BASE).encode())
    old = json.loads(json.dumps(BASE))
    old["version"] = 1
    for application in old["applications"]:
        for action in application["actions"]:
            del action["uid"]
    expected_old = backup.parse(json.dumps(old).encode())
    _read_at_once_only(monkeypatch)
    assert backup.parse(json.dumps(BASE).encode()) == expected
    assert backup.parse(json.dumps(old).encode()) == expected_old
    assert all(action.uid for bundle in expected_old.bundles for action in bundle.actions)


def test_fields_left_out_and_kinds_of_record_absent_are_read_at_once_as_one_by_one(monkeypatch):
    document = json.loads(json.dumps(BASE))
    for application in document["applications"]:
        application["letters"] = []
        del application["notes"], application["status"]
        for interview in application["interviews"]:
            del interview["round"]
            for person in interview["interviewers"]:
                person["notes"] = None
    data = json.dumps(document).encode()
    clock.set_now(TODAY)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(backup, "_records_at_once", _refuse_at_once)
        expected = backup.parse(data)
    first = expected.bundles[0]
    assert first.application.status.value == "active" and first.application.notes == ""
    assert first.interviews[0][0].round == 1 and not first.letters
    _read_at_once_only(monkeypatch)
    assert backup.parse(data) == expected


@pytest.mark.parametrize(
    ("field", "written", "kept"),
    [
        ("company", "Acme\tLabs\r\nEast", "Acme Labs East"),  # one line: breaks and tabs become a space
        ("notes", "line\r\nbreak\x00\u2028end", "line\nbreak\nend"),  # many lines: breaks kept, controls gone
    ],
)
def test_texts_read_at_once_are_cleaned_as_one_by_one(field, written, kept, monkeypatch):
    document = json.loads(json.dumps(BASE))
    document["applications"][1][field] = written
    data = json.dumps(document).encode()
    clock.set_now(TODAY)
    _read_at_once_only(monkeypatch)
    parsed = backup.parse(data)
    assert getattr(parsed.bundles[1].application, field) == kept


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["applications"][1]["actions"][0].update(due="1960-01-01"),
            r"applications\[2\]\.actions\[1\]\.due: The date 1960-01-01 is outside",
        ),
        (
            lambda d: d["applications"][2].update(ref=d["applications"][0]["ref"]),
            r"applications\[3\]: the ref \d+ is used twice",
        ),
        (
            lambda d: d["applications"][0]["actions"][0].update(status="done", done_on=None),
            r"applications\[1\]\.actions\[1\]\.done_on: a follow-up marked done",
        ),
        (
            lambda d: d["applications"][1].update(company="\x00"),
            r"applications\[2\]\.company: Company is required",
        ),
        (
            lambda d: (
                d["applications"][2]["letters"].append(
                    {**d["applications"][2]["letters"][0], "ref": 999, "interviewer": 998}
                )
                if d["applications"][2]["letters"]
                else d["applications"][2]["actions"][0].update(interviewer=998)
            ),
            r"applications\[3\]\.(letters|actions)\[\d+\]\.interviewer: no interviewer of this application has ref 998",
        ),
    ],
)
def test_what_the_reading_at_once_cannot_take_is_read_and_named_one_by_one(change, message):
    document = json.loads(json.dumps(BASE))
    change(document)
    data = json.dumps(document).encode()
    clock.set_now(TODAY)
    outcome = _outcome(data)
    assert isinstance(outcome, str) and re.search(message, outcome), outcome
