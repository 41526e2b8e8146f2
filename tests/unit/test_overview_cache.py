"""The overview kept between reruns: a save reads only the applications it touched, and the
refreshed table, figures and frames are exactly those read afresh."""

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from pandas.testing import assert_frame_equal

from followup import clock, overview, overview_cache, planning
from followup.model import (
    Action,
    ActionKind,
    ActionStatus,
    Application,
    ApplicationBundle,
    AttemptOutcome,
    CadenceProfile,
    Channel,
    DebriefNotes,
    Interview,
    Interviewer,
    Letter,
    LetterKind,
    Owner,
    Status,
)
from followup.sample import load_sample
from followup.store import Store

DAY = date(2026, 11, 20)


@pytest.fixture
def database_url(any_database_url):
    """On SQLite and on PostgreSQL."""
    return any_database_url


@pytest.fixture(autouse=True)
def _on_the_day():
    """The saves below happen on DAY, as a user would make them that day."""
    clock.set_now(datetime(2026, 11, 20, 9, 30))


def _same(refreshed: overview_cache.Snapshot, store: Store, today: date = DAY) -> None:
    afresh = overview_cache.load(store, today)
    assert refreshed.version == afresh.version == store.data_version()
    assert_frame_equal(refreshed.table, afresh.table)
    assert refreshed.figures == afresh.figures
    assert_frame_equal(
        refreshed.rows.sort_values("id").reset_index(drop=True),
        afresh.rows.sort_values("id").reset_index(drop=True),
    )


@pytest.fixture
def sample(store):
    load_sample(store, 8, today=DAY)
    return store


def _by_company(store: Store, company: str) -> Application:
    return next(a for a in store.list_applications() if a.company == company)


def _first_interview(store: Store, application: Application) -> Interview:
    return store.list_interviews(application.id)[0]


def _first_person(store: Store, application: Application) -> Interviewer:
    return store.list_interviewers(_first_interview(store, application).id)[0]


def _planned(store: Store, application: Application) -> Action:
    return store.list_actions(application.id, status=ActionStatus.PLANNED)[0]


# Each save names the application it changes, found by company in the sample; the test works
# out which applications must be read again from that, not from what the store says.
def _rename(store):
    application = _by_company(store, "Northwind Analytics")
    store.update_application(replace(application, role="Lead Analyst"))
    return {application.id}


def _withdraw(store):
    application = _by_company(store, "Northwind Analytics")
    planning.save_application(store, replace(application, status=Status.WITHDRAWN))
    return {application.id}


def _move_the_interview(store):
    application = _by_company(store, "Northwind Analytics")
    interview = _first_interview(store, application)
    planning.save_interview(store, replace(interview, starts_at=interview.starts_at - timedelta(days=2)))
    return {application.id}


def _rename_a_person(store):
    application = _by_company(store, "Northwind Analytics")
    planning.save_interviewer(store, replace(_first_person(store, application), name="Renamed Person"))
    return {application.id}


def _add_and_remove_a_person(store):
    application = _by_company(store, "Northwind Analytics")
    interview = _first_interview(store, application)
    person = Interviewer(interview.id, "New Person", email="new@example.com")
    planning.add_interviewer(store, person)
    planning.remove_interviewer(store, store.get_interviewer(person.id))
    return {application.id}


def _write_notes(store):
    application = _by_company(store, "Northwind Analytics")
    person = _first_person(store, application)
    notes = store.get_notes(person.id)
    store.save_notes(
        replace(notes, liked="The team's pace") if notes.version else DebriefNotes(person.id, "Pace")
    )
    return {application.id}


def _letter_drafted_then_sent(store):
    application = _by_company(store, "Northwind Analytics")
    person = _first_person(store, application)
    letter = Letter(application.id, LetterKind.THANK_YOU_EMAIL, person.id, subject="Thank you")
    store.add_letter(letter)
    planning.mark_letter_sent(store, store.get_letter(letter.id), on=DAY)
    return {application.id}


def _letter_deleted(store):
    application = _by_company(store, "Northwind Analytics")
    letter = Letter(application.id, LetterKind.STATUS_INQUIRY, subject="Any news?")
    store.add_letter(letter)
    store.delete_letter(letter.id)
    return {application.id}


def _log_a_call(store):
    application = _by_company(store, "Northwind Analytics")
    planning.log_attempt(store, _planned(store, application), AttemptOutcome.SPOKE_STILL_DECIDING, on=DAY)
    return {application.id}


def _move_and_skip(store):
    application = _by_company(store, "Northwind Analytics")
    planning.reschedule(store, _planned(store, application), DAY + timedelta(days=9))
    planning.skip(store, _planned(store, application))
    return {application.id}


def _an_offer(store):
    application = _by_company(store, "Northwind Analytics")
    planning.record_outcome(store, application.id, AttemptOutcome.OFFER, on=DAY)
    return {application.id}


def _two_applications(store):
    first = _by_company(store, "Northwind Analytics")
    second = _by_company(store, "Lumen Labs")
    store.update_application(replace(first, role="Analyst II"))
    store.add_action(Action(second.id, ActionKind.STATUS_CHECK, DAY - timedelta(days=1), Channel.EMAIL))
    return {first.id, second.id}


def _new_application(store):
    application = Application("Brand New Co", "Designer")
    store.add_application(application)
    interview = Interview(application.id, datetime(2026, 11, 18, 10))
    store.add_interview(interview)
    store.add_interviewer(Interviewer(interview.id, "Ada Park", email="ada@new.example"))
    planning.replan(store, application.id)
    return {application.id}


def _delete_an_application(store):
    store.delete_application(_by_company(store, "Northwind Analytics").id)
    return set()


def _delete_an_interview(store):
    application = _by_company(store, "Northwind Analytics")
    store.delete_interview(_first_interview(store, application).id)
    return {application.id}


def _settings_only(store):
    store.save_settings(replace(store.get_settings(), signature="Sam"))
    return set()


def _settings_and_every_plan(store):
    store.save_settings(replace(store.get_settings(), cadence=CadenceProfile.PERSISTENT))
    planning.replan_all(store)
    return {a.id for a in store.list_applications()}


SAVES = [
    _rename,
    _withdraw,
    _move_the_interview,
    _rename_a_person,
    _add_and_remove_a_person,
    _write_notes,
    _letter_drafted_then_sent,
    _letter_deleted,
    _log_a_call,
    _move_and_skip,
    _an_offer,
    _two_applications,
    _new_application,
    _delete_an_application,
    _delete_an_interview,
    _settings_only,
    _settings_and_every_plan,
]


@pytest.mark.parametrize("save", SAVES, ids=lambda save: save.__name__.strip("_"))
def test_a_save_rereads_only_what_it_touched_and_shows_as_if_read_afresh(sample, save):
    before = overview_cache.load(sample, DAY)
    touched = save(sample)
    changes = sample.overview_changes(before.version, before.application_ids)
    assert set(changes.changed) == touched
    records = changes.records()
    assert {application["id"] for application in records["applications"]} == touched
    assert {action["application_id"] for action in records["actions"]} <= touched
    _same(overview_cache.refresh(before, sample, DAY), sample)


def test_saves_one_after_another_in_an_untidy_order_stay_right(sample):
    snapshot = overview_cache.load(sample, DAY)
    for save in [
        _log_a_call,
        _settings_only,
        _new_application,
        _delete_an_interview,
        _rename,
        _two_applications,
    ]:
        save(sample)
        snapshot = overview_cache.refresh(snapshot, sample, DAY)
        _same(snapshot, sample)
    # Several saves between two reruns: all of them are read at once.
    _move_and_skip(sample)
    _letter_drafted_then_sent(sample)
    _delete_an_application(sample)
    _same(overview_cache.refresh(snapshot, sample, DAY), sample)


def test_a_deleted_application_goes_and_one_added_after_it_comes(sample):
    snapshot = overview_cache.load(sample, DAY)
    gone = _by_company(sample, "Lumen Labs")
    sample.delete_application(gone.id)
    sample.add_application(Application("After Co", "Analyst"))
    refreshed = overview_cache.refresh(snapshot, sample, DAY)
    companies = refreshed.table["company"].tolist()
    assert "Lumen Labs" not in companies and "After Co" in companies
    assert len(refreshed.table) == 8
    _same(refreshed, sample)


def test_an_id_given_again_after_a_delete_shows_the_new_application(store):
    first = Application("First Co", "Analyst")
    last = Application("Last Co", "Analyst")
    store.add_application(first)
    store.add_application(last)
    snapshot = overview_cache.load(store, DAY)
    store.delete_application(last.id)
    again = Application("Again Co", "Analyst")
    store.add_application(again)
    refreshed = overview_cache.refresh(snapshot, store, DAY)
    assert sorted(refreshed.table["company"]) == ["Again Co", "First Co"]
    _same(refreshed, store)


def test_a_new_day_moves_the_urgencies(sample):
    snapshot = overview_cache.load(sample, DAY)
    tomorrow = DAY + timedelta(days=1)
    later = overview_cache.refresh(snapshot, sample, tomorrow)
    assert later.today == tomorrow
    due_today = snapshot.table["urgency"] == overview.DUE_TODAY
    assert due_today.any()
    # What was due today is overdue tomorrow.
    moved = later.table.set_index("id").loc[snapshot.table.loc[due_today, "id"], "urgency"]
    assert set(moved) == {overview.OVERDUE}
    _same(later, sample, tomorrow)


def test_nothing_saved_reads_nothing(sample):
    snapshot = overview_cache.load(sample, DAY)
    changes = sample.overview_changes(snapshot.version, snapshot.application_ids)
    assert changes.changed == () and changes.remaining is None
    assert all(not records for records in changes.records().values())


def test_the_cache_shows_a_save_made_through_another_store_at_once(sample, database_url):
    cache = overview_cache.OverviewCache()
    first = cache.snapshot(sample, DAY)
    assert cache.snapshot(sample, DAY) is first
    # Another app server: its own engine on the same database.
    elsewhere = Store.open(database_url)
    try:
        application = _by_company(elsewhere, "Northwind Analytics")
        elsewhere.update_application(replace(application, company="Northwind Renamed"))
    finally:
        elsewhere.close()
    shown = cache.snapshot(sample, DAY)
    assert "Northwind Renamed" in shown.table["company"].tolist()
    assert "Northwind Analytics" not in shown.table["company"].tolist()


def test_the_cache_holds_each_person_apart_and_forgets_the_least_recent(sample):
    cache = overview_cache.OverviewCache(people=2)
    mine = cache.snapshot(sample, DAY)
    assert len(mine.table) == 8
    someone = sample.for_owner(Owner("https://id.example", "someone"))
    someone.add_application(Application("Theirs Co", "Analyst"))
    theirs = cache.snapshot(someone, DAY)
    assert theirs.table["company"].tolist() == ["Theirs Co"]
    assert cache.snapshot(sample, DAY) is mine
    third = sample.for_owner(Owner("https://id.example", "third"))
    assert cache.snapshot(third, DAY).table.empty
    # Two people at most: the least recently shown (someone) was dropped and is read again.
    assert cache.snapshot(sample, DAY) is mine
    assert cache.snapshot(someone, DAY) is not theirs


def test_a_backup_restored_over_everything_is_read_afresh(sample):
    snapshot = overview_cache.load(sample, DAY)
    sample.add_bundles([ApplicationBundle(Application("Restored Co", "Analyst"))], replace_all=True)
    refreshed = overview_cache.refresh(snapshot, sample, DAY)
    assert refreshed.table["company"].tolist() == ["Restored Co"]
    _same(refreshed, sample)


@pytest.mark.parametrize("day", [DAY, DAY + timedelta(days=9), DAY + timedelta(days=60)])
def test_one_by_one_gives_what_pandas_gives_for_every_kind_of_application(store, day):
    """Every sample shape (offers, rejections, withdrawals, calls, letters sent late or never),
    seen on the day, a week later and two months later."""
    load_sample(store, 150, today=DAY)
    changes = store.overview_changes(0, frozenset())
    assert len(changes.changed) == 150
    one_by_one_rows, one_by_one_parts = overview_cache._one_by_one(changes.records(), day)
    frames = overview.prepare(store.overview_rows())
    rows = overview.table_rows(frames, day).sort_values("id").reset_index(drop=True)
    parts = overview.figure_parts(frames, day)
    mine = one_by_one_rows.drop(columns="revision").sort_values("id").reset_index(drop=True)
    assert_frame_equal(mine.astype(rows.dtypes.to_dict()), rows)
    assert_frame_equal(one_by_one_parts.loc[parts.index].astype(parts.dtypes.to_dict()), parts)
    # The figures are not all zeros or all the same: the sample covers the rules.
    assert 0 < parts["answered"].sum() < 150 and parts["days_to_answer"].notna().any()
    assert parts["thank_you_counted"].sum() > parts["thank_you_in_time"].sum() > 0
