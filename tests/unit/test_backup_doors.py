"""Backups checked to the end: values that would break the app later are refused at the door,
files that are not backups are refused without reading them whole, and a backup restores
whatever its size, compressed or not, old format or new."""

import gzip
import io
import json
import re
import zlib
from datetime import datetime
from pathlib import Path

import pytest

from followup import backup, clock, planning
from followup.calendar_export import build_ics
from followup.commands import export as export_command
from followup.model import ActionStatus
from followup.sample import load_sample
from followup.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# Written by followup before event ids were exported: three sample applications, 21 actions.
VERSION_1 = (FIXTURES / "export-v1.json").read_bytes()


def _fresh() -> Store:
    return Store.open("sqlite://")


@pytest.fixture
def document(store):
    clock.set_now(datetime(2026, 11, 23, 9, 0))
    try:
        load_sample(store, 3)
        yield backup.export_document(store)
    finally:
        clock.set_now(None)


def _changed(document, change) -> bytes:
    copy = json.loads(json.dumps(document))
    change(copy)
    # ASCII with escapes, as JSON allows: a lone surrogate can only travel that way.
    return json.dumps(copy).encode("ascii")


def _first_action(d, status=None):
    return next(
        a for app in d["applications"] for a in app["actions"] if status is None or a["status"] == status
    )


# -- values that passed the check and broke the app later ---------------------------------


@pytest.mark.parametrize(
    "change, place",
    [
        (lambda d: _first_action(d).__setitem__("due", "9999-12-31"), ".due"),
        (lambda d: _first_action(d).__setitem__("due", "0001-01-01"), ".due"),
        (lambda d: _first_action(d, "done").__setitem__("done_on", "9999-01-01"), ".done_on"),
        (lambda d: _first_action(d).__setitem__("decision_by", "2101-01-01"), ".decision_by"),
        (
            lambda d: d["applications"][0]["interviews"][0].__setitem__("decision_by", "9999-01-01"),
            "decision_by",
        ),
        (lambda d: d["applications"][1].__setitem__("created_at", "9999-12-31T23:59:59"), "created_at"),
        (lambda d: d["applications"][1].__setitem__("created_at", "1969-12-31T23:59:00"), "created_at"),
        (
            lambda d: d["applications"][0]["letters"][0].__setitem__("sent_on", "0001-01-01"),
            ".letters[1].sent_on",
        ),
    ],
)
def test_dates_outside_1970_to_2100_are_refused_with_their_place(store, document, change, place):
    before = backup.export_document(store)
    with pytest.raises(backup.ImportRefused) as refusal:
        backup.parse(_changed(document, change))
    message = str(refusal.value)
    assert message.startswith("In applications[")
    assert place in message
    assert "outside the years 1970 to 2100" in message
    assert backup.export_document(store)["applications"] == before["applications"]


def test_the_last_and_first_day_of_the_range_are_accepted_and_every_export_works(document):
    def edges(d):
        _first_action(d, "planned")["due"] = "2100-12-31"
        d["applications"][2]["created_at"] = "1970-01-01T00:00:00"

    target = _fresh()
    backup.import_parsed(target, backup.parse(_changed(document, edges)), replace=True)
    ics = build_ics(planning.calendar_entries(target))
    assert b"DTSTART;VALUE=DATE:21001231" in ics
    assert export_command.everything_csv(target, None)[:2] == b"PK"


@pytest.mark.parametrize("country", ["XX", "", "  ", "U S", 42, None])
def test_a_country_without_public_holidays_is_refused(document, country):
    data = _changed(document, lambda d: d["settings"].__setitem__("country", country))
    with pytest.raises(backup.ImportRefused, match=r"^In settings\.country: "):
        backup.parse(data)


def test_a_country_code_is_stored_as_the_holiday_library_knows_it(document):
    target = _fresh()
    parsed = backup.parse(_changed(document, lambda d: d["settings"].__setitem__("country", " deu ")))
    backup.import_parsed(target, parsed, replace=True)
    assert target.get_settings().country == "DE"
    assert planning.replan_all(target) == 3


def _first_sent_letter(d):
    return next(
        (i, letter)
        for app in d["applications"]
        for i, letter in enumerate(app["letters"], 1)
        if letter["status"] == "sent"
    )


def test_a_letter_marked_sent_without_its_day_is_refused(document):
    index, _ = _first_sent_letter(document)
    data = _changed(document, lambda d: _first_sent_letter(d)[1].__setitem__("sent_on", None))
    with pytest.raises(
        backup.ImportRefused,
        match=re.escape(f".letters[{index}].sent_on: a letter marked sent needs the day"),
    ):
        backup.parse(data)


@pytest.mark.parametrize("status", ["done", "skipped"])
def test_a_follow_up_marked_done_or_skipped_without_its_day_is_refused(document, status):
    def change(d):
        action = _first_action(d)
        action["status"], action["done_on"] = status, None

    with pytest.raises(backup.ImportRefused, match=f"done_on: a follow-up marked {status} needs the day"):
        backup.parse(_changed(document, change))


def test_an_application_without_a_creation_time_is_refused(document):
    data = _changed(document, lambda d: d["applications"][0].__setitem__("created_at", None))
    with pytest.raises(
        backup.ImportRefused,
        match=re.escape("In applications[1].created_at: expected a date and time written"),
    ):
        backup.parse(data)
    missing = _changed(document, lambda d: d["applications"][0].pop("created_at"))
    with pytest.raises(backup.ImportRefused, match=re.escape("the field 'created_at' is missing")):
        backup.parse(missing)


def test_merging_the_same_file_again_and_again_adds_nothing(store, document):
    data = json.dumps(document).encode()
    target = _fresh()
    backup.import_parsed(target, backup.parse(data), replace=False)
    for _ in range(3):
        summary = backup.import_parsed(target, backup.parse(data), replace=False)
        assert (summary.added, summary.skipped) == (0, 3)
    assert len(target.list_applications()) == 3


def test_control_characters_are_removed_and_one_line_fields_stay_on_one_line(document):
    def hostile(d):
        app = d["applications"][0]
        app["company"] = "Acme\x00\x1b[31m Corp"
        app["notes"] = "line one\r\nline two\x07\ttabbed\x85third"
        app["letters"][0]["recipient"] = "dana@acme.example\r\nBcc: everyone@evil.invalid"
        app["letters"][0]["subject"] = "Thanks\nX-Injected: yes"
        app["interviews"][0]["interviewers"][0]["name"] = "Dana\u2028Lee"

    target = _fresh()
    backup.import_parsed(target, backup.parse(_changed(document, hostile)), replace=True)
    application = next(a for a in target.list_applications() if a.company.startswith("Acme"))
    assert application.company == "Acme[31m Corp"
    assert application.notes == "line one\nline two\ttabbed\nthird"
    letter = target.list_letters(application.id)[0]
    assert letter.recipient == "dana@acme.example Bcc: everyone@evil.invalid"
    assert letter.subject == "Thanks X-Injected: yes"
    assert "\n" not in target.list_interviewers()[0].name
    assert "Dana Lee" in {p.name for p in target.list_interviewers()}


def test_a_lone_surrogate_is_dropped_instead_of_breaking_the_save(document):
    data = _changed(document, lambda d: d["applications"][0].__setitem__("notes", "before \ud800 after"))
    assert b"\\ud800" in data
    target = _fresh()
    backup.import_parsed(target, backup.parse(data), replace=True)
    assert "before  after" in {a.notes for a in target.list_applications()}


@pytest.mark.parametrize(
    "raw, message",
    [
        (
            b'{"format": "followup-export", "version": 2, "n": ' + b"9" * 5000 + b"}",
            "a number followup cannot read",
        ),
        (b'{"format": "followup-export", "version": 2, "n": NaN}', "a number followup cannot read"),
        (b'{"format": "followup-export", "version": 2, "n": -Infinity}', "a number followup cannot read"),
        (b'{"format": "followup-export", "version": 2.5}', "version 2.5"),
        (b'{"format": "followup-export", "version": true}', "version true"),
        (b'{"format": "followup-export", "version": 3}', "written by a newer followup"),
    ],
)
def test_numbers_no_export_holds_are_refused_in_words(raw, message):
    with pytest.raises(backup.ImportRefused, match=re.escape(message)):
        backup.parse(raw)


def test_a_huge_number_inside_a_record_is_refused_with_its_place(document):
    text = json.dumps(document).replace('"round": 1', '"round": ' + "7" * 5000, 1)
    with pytest.raises(backup.ImportRefused, match="cannot read"):
        backup.parse(text.encode())
    text = json.dumps(document).replace('"round": 1', '"round": 100000000', 1)
    with pytest.raises(backup.ImportRefused, match=r"round: expected a whole number from 0 to 1,000,000"):
        backup.parse(text.encode())


# -- reading files ---------------------------------------------------------------------------


def test_dev_zero_is_refused_after_its_first_chunk():
    with (
        open("/dev/zero", "rb") as endless,
        pytest.raises(backup.ImportRefused, match="not a followup backup"),
    ):
        backup.read_file(endless)


class _Endless(io.RawIOBase):
    """An endless stream that looks like JSON: only the size limit can stop it."""

    def __init__(self):
        self.given = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        size = len(buffer)
        buffer[:size] = (b"{" + b" " * (size - 1)) if self.given == 0 else b" " * size
        self.given += size
        return size


def test_reading_stops_at_the_limit_however_long_the_stream():
    stream = _Endless()
    with pytest.raises(backup.ImportRefused, match="over 5 MB"):
        backup.read_file(io.BufferedReader(stream), limit=5_000_000)
    assert stream.given < 5_000_000 + 2 * 1024 * 1024


def test_a_compressed_backup_restores_like_the_plain_one(store, document):
    plain, packed = backup.export_json(store), backup.export_json_gz(store)
    assert packed[:2] == b"\x1f\x8b" and len(packed) < len(plain) / 5
    assert gzip.decompress(packed) == plain
    from_plain, from_packed = _fresh(), _fresh()
    backup.import_parsed(from_plain, backup.parse(plain), replace=True)
    backup.import_parsed(from_packed, backup.parse(backup.read_file(io.BytesIO(packed))), replace=True)
    assert (
        backup.export_document(from_plain)["applications"]
        == backup.export_document(from_packed)["applications"]
    )


def test_a_damaged_or_cut_compressed_file_is_refused(store, document):
    packed = backup.export_json_gz(store)
    with pytest.raises(backup.ImportRefused, match="cut short"):
        backup.parse(packed[: len(packed) // 2])
    broken = packed[:20] + bytes(b ^ 0xFF for b in packed[20:40]) + packed[40:]
    with pytest.raises(backup.ImportRefused, match=r"damaged|cut short|not a complete JSON"):
        backup.parse(broken)


def test_a_compressed_bomb_is_refused_without_unpacking_it_all(monkeypatch):
    # The limit made small so the test stays quick; the code is the same for 300 MB.
    monkeypatch.setattr(backup, "MAX_BYTES", 5_000_000)
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    spaces = b" " * 1_000_000
    bomb = packer.compress(b"{") + b"".join(packer.compress(spaces) for _ in range(500)) + packer.flush()
    assert len(bomb) < 1_000_000  # 500 MB once unpacked
    with pytest.raises(backup.ImportRefused, match="over 5 MB once unpacked"):
        backup.parse(bomb)


# -- older versions, and calendar event ids that survive a restore -----------------------------


def test_a_version_1_backup_still_imports_and_gets_the_same_event_ids_every_time():
    first, second = _fresh(), _fresh()
    backup.import_parsed(first, backup.parse(VERSION_1), replace=True)
    backup.import_parsed(second, backup.parse(VERSION_1), replace=True)
    uids = [a.uid for a in first.list_actions()]
    assert len(uids) == 21 and len(set(uids)) == 21 and all(uid.endswith("@followup") for uid in uids)
    assert sorted(uids) == sorted(a.uid for a in second.list_actions())
    # Written back, it is a version 2 document holding those ids.
    again = backup.export_document(first)
    assert again["version"] == 2
    assert sorted(a["uid"] for app in again["applications"] for a in app["actions"]) == sorted(uids)


def test_calendar_events_keep_their_ids_through_export_and_import(store, document):
    planned = [a.uid for a in store.list_actions(status=ActionStatus.PLANNED)]
    assert planned
    before = _event_ids(build_ics(planning.calendar_entries(store)))
    assert sorted(before) == sorted(planned)

    restored = _fresh()
    backup.import_parsed(restored, backup.parse(backup.export_json_gz(store)), replace=True)
    assert _event_ids(build_ics(planning.calendar_entries(restored))) == before
    # Database ids moved (the restored database numbers its rows from 1), the event ids did not.
    planning.replan_all(restored)
    assert sorted(_event_ids(build_ics(planning.calendar_entries(restored)))) == sorted(before)


def test_merging_a_backup_whose_ids_are_already_here_gives_its_copies_new_ids(store, document):
    def renamed(d):
        for app in d["applications"]:
            app["company"] += " (copy)"

    backup.import_parsed(store, backup.parse(_changed(document, renamed)), replace=False)
    uids = [a.uid for a in store.list_actions()]
    assert len(store.list_applications()) == 6
    assert len(uids) == len(set(uids))


def test_a_malformed_event_id_is_refused(document):
    data = _changed(document, lambda d: _first_action(d).__setitem__("uid", "two words"))
    with pytest.raises(backup.ImportRefused, match=r"actions\[1\]\.uid: an event id is"):
        backup.parse(data)


def _event_ids(ics: bytes) -> list[str]:
    return [line.split(":", 1)[1].strip() for line in ics.decode().splitlines() if line.startswith("UID:")]
