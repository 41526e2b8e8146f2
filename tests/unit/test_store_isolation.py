"""Each person's data is theirs: a store opened for one person, given another person's ids,
finds nothing and changes nothing, whichever public method it is.

The list of methods comes from the Store class itself, so a method added later
without a case here fails `test_every_public_method_has_a_case`.
"""

import dataclasses
import json
from datetime import date, datetime
from types import SimpleNamespace

import pytest

from followup import backup
from followup.errors import NotFound
from followup.model import (
    Action,
    ActionKind,
    ActionStatus,
    Application,
    ApplicationBundle,
    AttemptOutcome,
    Channel,
    DebriefNotes,
    Interview,
    Interviewer,
    Letter,
    LetterKind,
    LetterStatus,
    Owner,
    Settings,
)
from followup.store import Store

VICTIM = Owner("https://id.example/realms/college", "victim-7f3a")
INTRUDER = Owner("https://id.example/realms/college", "intruder-19c2")


@pytest.fixture
def database_url(any_database_url):
    return any_database_url


def _fill(store: Store, company: str) -> SimpleNamespace:
    """An application with an interview, an interviewer with notes, a letter and a planned action."""
    application = Application(company, "Analyst")
    store.add_application(application)
    interview = Interview(application.id, datetime(2026, 11, 2, 10))
    store.add_interview(interview)
    person = Interviewer(interview.id, f"Dana of {company}", email="dana@example.com")
    store.add_interviewer(person)
    notes = DebriefNotes(person.id, liked=f"{company}'s secret notes")
    store.save_notes(notes)
    letter = Letter(
        application.id, LetterKind.THANK_YOU_EMAIL, "dana@example.com", "Thanks", "Body", person.id
    )
    store.add_letter(letter)
    action = Action(
        application.id, ActionKind.STATUS_CHECK, date(2026, 11, 9), Channel.EMAIL, interviewer_id=person.id
    )
    store.add_action(action)
    return SimpleNamespace(
        application=application, interview=interview, person=person, notes=notes, letter=letter, action=action
    )


@pytest.fixture
def people(store):
    victim = store.for_owner(VICTIM)
    intruder = store.for_owner(INTRUDER)
    theirs = _fill(victim, "Victim Co")
    victim.save_settings(Settings("DE", signature="Victim's signature", user_dictionary=["Kubernetes"]))
    mine = _fill(intruder, "Intruder Co")
    return SimpleNamespace(victim=victim, intruder=intruder, theirs=theirs, mine=mine)


def _snapshot(store: Store) -> dict:
    document = backup.export_document(store)
    document.pop("exported_at")
    return {"document": json.loads(json.dumps(document)), "data_version": store.data_version()}


def _not_found(call) -> None:
    with pytest.raises(NotFound):
        call()


def _changed(record, **changes):
    return dataclasses.replace(record, **changes)


def _ids(records) -> set[int]:
    return {r.id for r in records}


# Each case calls one method as the intruder, with the victim's ids where it takes any,
# and checks what the intruder got back. The test then checks that nothing of the victim's changed.
CASES = {
    "list_applications": lambda s, t, m: _check(t.application.id not in _ids(s.list_applications())),
    "get_application": lambda s, t, m: _not_found(lambda: s.get_application(t.application.id)),
    "add_application": lambda s, t, m: s.add_application(Application("Mine", "Role")),
    "update_application": lambda s, t, m: _not_found(
        lambda: s.update_application(_changed(t.application, company="Taken over"))
    ),
    "delete_application": lambda s, t, m: _not_found(lambda: s.delete_application(t.application.id)),
    "add_bundles": lambda s, t, m: s.add_bundles(
        [ApplicationBundle(Application("Restored", "Role"))], replace_all=True, settings=Settings("FR")
    ),
    # Their application, word for word, is not mine: a merge adds it to my account, and theirs stays.
    "add_new_bundles": lambda s, t, m: _check(
        len(
            s.add_new_bundles(
                [ApplicationBundle(dataclasses.replace(t.application, id=None, version=0))],
                lambda row: (row.company, row.role, row.created_at),
            )
        )
        == 1
    ),
    "list_interviews": lambda s, t, m: _check(
        s.list_interviews(t.application.id) == [] and t.interview.id not in _ids(s.list_interviews())
    ),
    "get_interview": lambda s, t, m: _not_found(lambda: s.get_interview(t.interview.id)),
    "add_interview": lambda s, t, m: _not_found(
        lambda: s.add_interview(Interview(t.application.id, datetime(2026, 11, 20, 9)))
    ),
    "update_interview": lambda s, t, m: (
        _not_found(lambda: s.update_interview(_changed(t.interview, next_steps="changed"))),
        # My own interview, moved under their application.
        _not_found(lambda: s.update_interview(_changed(m.interview, application_id=t.application.id))),
    ),
    "delete_interview": lambda s, t, m: _not_found(lambda: s.delete_interview(t.interview.id)),
    "list_interviewers": lambda s, t, m: _check(
        s.list_interviewers(t.interview.id) == [] and t.person.id not in _ids(s.list_interviewers())
    ),
    "get_interviewer": lambda s, t, m: _not_found(lambda: s.get_interviewer(t.person.id)),
    "add_interviewer": lambda s, t, m: _not_found(
        lambda: s.add_interviewer(Interviewer(t.interview.id, "Mole"))
    ),
    "update_interviewer": lambda s, t, m: (
        _not_found(lambda: s.update_interviewer(_changed(t.person, email="me@intruder.example"))),
        _not_found(lambda: s.update_interviewer(_changed(m.person, interview_id=t.interview.id))),
    ),
    "delete_interviewer": lambda s, t, m: _not_found(lambda: s.delete_interviewer(t.person.id)),
    "get_notes": lambda s, t, m: _not_found(lambda: s.get_notes(t.person.id)),
    "all_notes": lambda s, t, m: _check(t.person.id not in s.all_notes()),
    "list_notes": lambda s, t, m: _check(s.list_notes(t.interview.id) == {}),
    "save_notes": lambda s, t, m: (
        _not_found(lambda: s.save_notes(DebriefNotes(t.person.id, liked="overwritten"))),
        _not_found(lambda: s.save_notes(_changed(t.notes, liked="overwritten"))),
    ),
    "list_letters": lambda s, t, m: _check(
        s.list_letters(t.application.id) == [] and t.letter.id not in _ids(s.list_letters())
    ),
    "get_letter": lambda s, t, m: _not_found(lambda: s.get_letter(t.letter.id)),
    "add_letter": lambda s, t, m: (
        _not_found(lambda: s.add_letter(Letter(t.application.id, LetterKind.WITHDRAWAL))),
        # Under my own application, but about their interviewer.
        _not_found(
            lambda: s.add_letter(Letter(m.application.id, LetterKind.WITHDRAWAL, interviewer_id=t.person.id))
        ),
    ),
    "update_letter": lambda s, t, m: (
        _not_found(lambda: s.update_letter(_changed(t.letter, body="changed"))),
        _not_found(lambda: s.update_letter(_changed(m.letter, application_id=t.application.id))),
    ),
    "delete_letter": lambda s, t, m: _not_found(lambda: s.delete_letter(t.letter.id)),
    "list_actions": lambda s, t, m: _check(
        s.list_actions(t.application.id) == []
        and t.action.id not in _ids(s.list_actions(status=ActionStatus.PLANNED, kind=ActionKind.STATUS_CHECK))
    ),
    "add_action": lambda s, t, m: _not_found(
        lambda: s.add_action(Action(t.application.id, ActionKind.CLOSE, date(2026, 12, 1), Channel.EMAIL))
    ),
    "add_history": lambda s, t, m: (
        _not_found(
            lambda: s.add_history(
                [Action(t.application.id, ActionKind.CLOSE, date(2026, 12, 1), Channel.EMAIL)], []
            )
        ),
        _not_found(lambda: s.add_history([], [Letter(t.application.id, LetterKind.WITHDRAWAL)])),
    ),
    "update_action": lambda s, t, m: (
        _not_found(lambda: s.update_action(_changed(t.action, due=date(2027, 1, 4)))),
        _not_found(lambda: s.update_action(_changed(m.action, application_id=t.application.id))),
    ),
    "record_attempt": lambda s, t, m: (
        _not_found(
            lambda: s.record_attempt(
                _changed(t.action, status=ActionStatus.DONE, outcome=AttemptOutcome.NO_ANSWER), None, []
            )
        ),
        _not_found(
            lambda: s.record_attempt(
                Action(t.application.id, ActionKind.OUTCOME, date(2026, 11, 9), Channel.EMAIL), None, []
            )
        ),
        # A logged attempt of mine that would replan their application.
        _not_found(lambda: s.record_attempt(_changed(m.action, application_id=t.application.id), None, [])),
    ),
    "replace_planned": lambda s, t, m: _not_found(lambda: s.replace_planned(t.application.id, [])),
    "update_replanned": lambda s, t, m: (
        _not_found(lambda: s.update_replanned(_changed(t.application, role="changed"), t.application.id, [])),
        _not_found(lambda: s.update_replanned(_changed(t.interview, next_steps="x"), t.application.id, [])),
        _not_found(lambda: s.update_replanned(_changed(t.person, name="changed"), t.application.id, [])),
        # My own business card, saved with a new plan for their application.
        _not_found(lambda: s.update_replanned(_changed(m.person, title="x"), t.application.id, [])),
    ),
    "replace_all_planned": lambda s, t, m: _not_found(
        lambda: s.replace_all_planned({m.application.id: [], t.application.id: []})
    ),
    "get_settings": lambda s, t, m: _check(s.get_settings() == Settings()),
    "save_settings": lambda s, t, m: s.save_settings(Settings("FR", signature="Mine")),
    "delete_all_data": lambda s, t, m: s.delete_all_data(),
    "due_actions": lambda s, t, m: _check(
        {action.id for action, _, _ in s.due_actions(date(2099, 12, 31))} == {m.action.id}
    ),
    # Everything, then what changed since the intruder's state before the victim's last save.
    "overview_changes": lambda s, t, m: _check(
        set(s.overview_changes(None).rows["applications"]["id"]) == {m.application.id}
        and s.overview_changes(0, frozenset({t.application.id})).changed == (m.application.id,)
        and s.overview_changes(0, frozenset({t.application.id})).remaining == frozenset({m.application.id})
    ),
    "overview_rows": lambda s, t, m: _check(
        t.application.id not in set(s.overview_rows()["applications"]["id"])
        and all(frame.empty for frame in s.overview_rows([t.application.id]).values())
    ),
    "record_letter_sent": lambda s, t, m: (
        _not_found(
            lambda: s.record_letter_sent(
                _changed(t.letter, status=LetterStatus.SENT),
                _changed(t.action, status=ActionStatus.DONE),
                None,
                [],
            )
        ),
        # My letter, with their planned action marked done.
        _not_found(
            lambda: s.record_letter_sent(m.letter, _changed(t.action, status=ActionStatus.DONE), None, [])
        ),
    ),
    "record_letter_unsent": lambda s, t, m: (
        _not_found(
            lambda: s.record_letter_unsent(_changed(t.letter, status=LetterStatus.DRAFT), None, None, [])
        ),
        # My letter, with their action planned again.
        _not_found(lambda: s.record_letter_unsent(m.letter, t.action, None, [])),
        _not_found(
            lambda: s.record_letter_unsent(
                m.letter, _changed(t.action, application_id=m.application.id), None, []
            )
        ),
    ),
    # The intruder has an application of their own; someone new has none, whatever others have.
    "has_applications": lambda s, t, m: _check(
        s.has_applications() and not s.for_owner(Owner("https://idp.example", "newcomer")).has_applications()
    ),
    "data_version": lambda s, t, m: _check(isinstance(s.data_version(), int)),
    "schema_version": lambda s, t, m: _check(isinstance(s.schema_version(), int)),
    "identity": lambda s, t, m: _check(s.identity != t.store.identity),
    "close": lambda s, t, m: s.close(),
}

# Not about records: these name no record, and are exercised elsewhere.
NOT_ABOUT_RECORDS = {
    "open": "opens a database for the local owner (tests of the migrations and of the store)",
    "open_existing": "the same, for a database that must exist (tests of the commands)",
    "for_owner": "turns a store to a person named by their verified sign-in, never by a page",
}


def _check(condition: bool) -> None:
    assert condition


def test_every_public_method_has_a_case():
    public = {name for name in dir(Store) if not name.startswith("_")}
    assert public == set(CASES) | set(NOT_ABOUT_RECORDS)


@pytest.mark.parametrize("method", sorted(CASES))
def test_another_persons_ids_find_nothing_and_change_nothing(people, method):
    before = _snapshot(people.victim)
    theirs = SimpleNamespace(**vars(people.theirs), store=people.victim)
    CASES[method](people.intruder, theirs, people.mine)
    assert _snapshot(people.victim) == before


def test_the_victims_snapshot_holds_what_an_intruder_must_not_see(people):
    """The check above is only as good as the snapshot: it must see every kind of record."""
    document = _snapshot(people.victim)["document"]
    (application,) = document["applications"]
    person = application["interviews"][0]["interviewers"][0]
    assert person["notes"]["liked"] == "Victim Co's secret notes"
    assert [len(application["letters"]), len(application["actions"])] == [1, 1]
    assert document["settings"]["signature"] == "Victim's signature"


def test_the_same_ids_work_for_their_owner(people):
    """The refusals above come from ownership, not from ids that do not exist."""
    t = people.theirs
    assert people.victim.get_application(t.application.id).company == "Victim Co"
    assert people.victim.get_notes(t.person.id).liked == "Victim Co's secret notes"
    people.victim.update_letter(_changed(t.letter, body="changed by its owner"))
    assert people.victim.get_letter(t.letter.id).body == "changed by its owner"


def test_each_person_has_a_data_version_of_their_own(people):
    victim_before, intruder_before = people.victim.data_version(), people.intruder.data_version()
    people.intruder.add_application(Application("Another", "Role"))
    assert people.intruder.data_version() == intruder_before + 1
    assert people.victim.data_version() == victim_before
