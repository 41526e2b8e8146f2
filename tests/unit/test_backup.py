import json
import re
import uuid
from datetime import date, datetime, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup import backup
from followup.model import (
    Action,
    ActionKind,
    ActionStatus,
    Application,
    AttemptOutcome,
    CadenceProfile,
    CallsWelcome,
    Channel,
    DebriefNotes,
    FieldPace,
    Formality,
    Interview,
    Interviewer,
    Letter,
    LetterKind,
    LetterStatus,
    Owner,
    Settings,
    Status,
)
from followup.sample import load_sample
from followup.store import Store
from followup.validation import clean_text

ROOT = Path(__file__).resolve().parents[2]


def _without_time(document):
    return {k: v for k, v in document.items() if k != "exported_at"}


@pytest.fixture
def database_url(any_database_url):
    return any_database_url


def _fresh(store: Store) -> Store:
    """An empty account in the same database: a person who has saved nothing yet."""
    return store.for_owner(Owner("https://id.example", uuid.uuid4().hex))


def test_the_documented_schema_is_the_one_the_code_checks():
    committed = json.loads((ROOT / "docs" / "export-schema.json").read_text(encoding="utf-8"))
    assert committed == backup.schema()


def test_the_sample_round_trips(store):
    load_sample(store)
    first = backup.export_document(store)
    target = _fresh(store)
    backup.import_parsed(target, backup.parse(json.dumps(first).encode()), replace=True)
    assert _without_time(backup.export_document(target)) == _without_time(first)


# Text of every kind a person might type: accents, scripts, emoji, markup, long notes.
_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)
_long = st.one_of(_text, st.text(alphabet="añ🎉 <>&\"'\n", min_size=1000, max_size=5000))
_name = _text.filter(lambda t: clean_text(t, multiline=False).strip() != "" and len(t) <= 200)
_day = st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 11, 1))
_moment = st.builds(
    datetime.combine,
    _day,
    st.times(min_value=time(7), max_value=time(19)).map(lambda t: t.replace(microsecond=0)),
)
_email = st.sampled_from(["", "dana@acme.example", "zoë@exämple.de"])


@st.composite
def _bundle(draw):
    application = Application(
        draw(_name),
        draw(_name),
        draw(st.sampled_from(list(FieldPace))),
        draw(st.sampled_from(list(Formality))),
        draw(st.sampled_from(list(Status))),
        draw(st.sampled_from(["", "https://x.example/j?a=1&b=ü"])),
        draw(_long),
        draw(st.booleans()),
        created_at=draw(_moment),
    )
    interviews, people_refs = [], []
    for _ in range(draw(st.integers(0, 2))):
        starts = draw(_moment)
        interview = Interview(
            0,
            starts,
            draw(st.integers(1, 5)),
            draw(_text.map(lambda t: t[:40])),
            draw(st.one_of(st.none(), st.just(starts.date()))),
            draw(_text),
            draw(_long),
            calls_welcome=draw(st.sampled_from(list(CallsWelcome))),
            preferred_channel=draw(st.one_of(st.none(), st.sampled_from(list(Channel)))),
        )
        people = []
        for _ in range(draw(st.integers(0, 3))):
            person = Interviewer(
                0, draw(_name), draw(_text), draw(_email), draw(st.sampled_from(["", "+1 415 555 0142"]))
            )
            person.id = 1000 + len(people_refs)
            people_refs.append(person.id)
            notes = draw(
                st.one_of(
                    st.none(),
                    st.builds(
                        DebriefNotes,
                        st.just(0),
                        _long,
                        _text,
                        _text,
                        _text,
                        _text,
                        _text,
                        _text,
                        st.one_of(st.none(), _moment),
                    ),
                )
            )
            people.append((person, notes))
        interviews.append((interview, people))
    link = st.one_of(st.none(), st.sampled_from(people_refs)) if people_refs else st.none()

    # A letter marked sent, and a follow-up done or skipped, say on which day (the import checks it).
    def day_when(done: bool):
        return draw(_day) if done else draw(st.one_of(st.none(), _day))

    letters = []
    for _ in range(draw(st.integers(0, 2))):
        kind, subject, body, recipient, person = (
            draw(st.sampled_from(list(LetterKind))),
            draw(_text),
            draw(_text),
            draw(_long),
            draw(link),
        )
        status = draw(st.sampled_from(list(LetterStatus)))
        letters.append(
            Letter(0, kind, subject, body, recipient, person, status, day_when(status is LetterStatus.SENT))
        )
    actions = []
    for _ in range(draw(st.integers(0, 3))):
        kind, due, channel, recipient, person = (
            draw(st.sampled_from(list(ActionKind))),
            draw(_day),
            draw(st.sampled_from(list(Channel))),
            draw(_text),
            draw(link),
        )
        status = draw(st.sampled_from(list(ActionStatus)))
        actions.append(
            Action(
                0,
                kind,
                due,
                channel,
                recipient,
                person,
                status,
                draw(st.one_of(st.none(), st.sampled_from(list(AttemptOutcome)))),
                draw(_text),
                draw(st.one_of(st.none(), _day)),
                draw(st.one_of(st.none(), st.integers(1, 10))),
                draw(_text),
                draw(st.booleans()),
                day_when(status is not ActionStatus.PLANNED),
            )
        )
    from followup.model import ApplicationBundle

    return ApplicationBundle(application, interviews, letters, actions)


_settings = st.builds(
    Settings,
    st.sampled_from(["US", "DE", "FR"]),
    st.sampled_from(list(CadenceProfile)),
    _text,
    st.lists(_name.map(lambda t: t[:50]), max_size=3, unique=True).map(sorted),
)


@settings(
    max_examples=40,
    deadline=None,
    # Each example works in accounts of its own, so the shared database needs no reset.
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(bundles=st.lists(_bundle(), max_size=3), user_settings=_settings)
def test_export_import_export_gives_the_same_document(store, bundles, user_settings):
    original = _fresh(store)
    original.add_bundles(bundles, settings=user_settings)
    first = backup.export_document(original)
    data = json.dumps(first, ensure_ascii=False).encode("utf-8")
    copy = _fresh(store)
    backup.import_parsed(copy, backup.parse(data), replace=False)
    assert _without_time(backup.export_document(copy)) == _without_time(first) | {
        "settings": backup.export_document(copy)["settings"]
    }
    replaced = _fresh(store)
    backup.import_parsed(replaced, backup.parse(data), replace=True)
    assert _without_time(backup.export_document(replaced)) == _without_time(first)


def _sample_document(store) -> dict:
    load_sample(store)
    return backup.export_document(store)


def _broken(document, change) -> bytes:
    copy = json.loads(json.dumps(document))
    change(copy)
    return json.dumps(copy).encode()


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda d: d["applications"][0].__setitem__("company", 7),
            "In applications[1].company: expected text, found a whole number (7)",
        ),
        (
            lambda d: d["applications"][1].__setitem__("hack", True),
            'In applications[2]: unknown field "hack"',
        ),
        (lambda d: d.__setitem__("version", 99), "has version 99"),
        (lambda d: d["applications"][2].__setitem__("ref", d["applications"][1]["ref"]), "ref"),
        (lambda d: d["applications"][0].__setitem__("notes", "x" * 200_000), "longer than 100,000"),
        (lambda d: d["applications"][0].__setitem__("status", "hired"), "applications[1].status"),
        (
            lambda d: d["applications"][0]["actions"].append(
                {**d["applications"][0]["actions"][0], "ref": 999_999, "interviewer": 777}
            ),
            "no interviewer of this application",
        ),
        (
            lambda d: d["applications"][0].__setitem__("created_at", "2026-02-30T10:00:00"),
            'In applications[1].created_at: "2026-02-30T10:00:00" is not a real date and time (day is out of range',
        ),
    ],
)
def test_a_hostile_or_broken_file_is_refused_with_its_place_and_changes_nothing(store, change, message):
    document = _sample_document(store)
    before = backup.export_document(store)
    with pytest.raises(backup.ImportRefused, match=re.escape(message)):
        backup.import_parsed(store, backup.parse(_broken(document, change)), replace=True)
    assert _without_time(backup.export_document(store)) == _without_time(before)


def test_truncated_and_non_json_files_are_refused(store):
    data = backup.export_json(store)
    with pytest.raises(backup.ImportRefused, match="not a complete JSON file"):
        backup.parse(data[: len(data) // 2])
    with pytest.raises(backup.ImportRefused, match="not a followup backup: a backup is a JSON file"):
        backup.parse(b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(backup.ImportRefused, match="not a text file"):
        backup.parse(b'{"format": "followup-export", \xff}')
    with pytest.raises(backup.ImportRefused, match="not a followup export"):
        backup.parse(b'{"applications": []}')


def test_merging_twice_adds_nothing_and_replace_swaps_everything(store):
    data = json.dumps(_sample_document(store)).encode()
    summary = backup.import_parsed(store, backup.parse(data), replace=False)
    assert (summary.added, summary.skipped) == (0, 8)
    assert len(store.list_applications()) == 8
    store.add_application(Application("Extra", "Role"))
    backup.import_parsed(store, backup.parse(data), replace=True)
    assert sorted(a.company for a in store.list_applications()) == sorted(
        a["company"] for a in json.loads(data)["applications"]
    )


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda d: d["applications"][1].__setitem__("company", ["not", "text"]),
            'In applications[2].company: expected text, found a list (["not", "text"])',
        ),
        (lambda d: d["applications"][0].pop("role"), "In applications[1]: the field 'role' is missing"),
        (
            lambda d: d["applications"][0].__setitem__("status", "hired"),
            'In applications[1].status: "hired" is not one of',
        ),
    ],
)
def test_refusals_say_what_was_expected_in_plain_words(store, change, message):
    with pytest.raises(backup.ImportRefused, match=re.escape(message)):
        backup.parse(_broken(_sample_document(store), change))


def test_a_person_restores_and_downloads_only_their_own_data(store):
    """Two people in one database: a replace by one deletes nothing of the other's."""
    load_sample(store)
    others = backup.export_document(store)
    someone = _fresh(store)
    someone.add_application(Application("Mine only", "Role"))
    mine = backup.export_document(someone)
    assert [a["company"] for a in mine["applications"]] == ["Mine only"]

    backup.import_parsed(someone, backup.parse(json.dumps(others).encode()), replace=True)
    assert sorted(a.company for a in someone.list_applications()) == sorted(
        a["company"] for a in others["applications"]
    )
    assert _without_time(backup.export_document(store)) == _without_time(others)
    backup.import_parsed(store, backup.parse(json.dumps(mine).encode()), replace=True)
    assert [a.company for a in store.list_applications()] == ["Mine only"]
    assert len(someone.list_applications()) == len(others["applications"])
