import dataclasses
import threading
from datetime import date, datetime

import pandas as pd
import pytest
import sqlalchemy as sa

from followup import overview, tables
from followup.errors import NotFound, StaleEdit, StorageError, ValidationFailed
from followup.model import (
    Action,
    ActionKind,
    ActionStatus,
    Application,
    ApplicationBundle,
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
    Settings,
    Status,
)
from followup.store import Store, default_url, overview_frames


@pytest.fixture
def database_url(any_database_url):
    return any_database_url


@pytest.fixture
def sqlite_store(tmp_path):
    opened = Store.open(f"sqlite:///{tmp_path / 'followup.db'}")
    yield opened
    opened.close()


def _application(store, company="Acme ✨ Ltd", role="Analyst"):
    application = Application(
        company,
        role,
        FieldPace.AGGRESSIVE,
        Formality.FORMAL,
        Status.WAITING,
        job_link="https://acme.example/j",
        notes="née 🎉\nsecond line",
    )
    store.add_application(application)
    return application


def test_every_record_round_trips_with_its_types(store):
    application = _application(store)
    interview = Interview(
        application.id,
        datetime(2026, 11, 20, 14, 30),
        round=2,
        decision_by=date(2026, 11, 27),
        calls_welcome=CallsWelcome.NO,
        preferred_channel=Channel.EMAIL,
        next_steps="références",
    )
    store.add_interview(interview)
    person = Interviewer(
        interview.id, "Zoë Ångström", "CTO", "zoe@acme.example", "+44 20 7946 0000", Channel.PHONE
    )
    store.add_interviewer(person)
    notes = DebriefNotes(person.id, liked="the migration story", concerns="no Go experience")
    store.save_notes(notes)
    letter = Letter(
        application.id, LetterKind.THANK_YOU_EMAIL, "zoe@acme.example", "Thanks", "Body", person.id
    )
    store.add_letter(letter)
    action = Action(
        application.id,
        ActionKind.STATUS_CHECK,
        date(2026, 12, 1),
        Channel.PHONE,
        "Zoë",
        person.id,
        attempt=1,
        why="because",
    )
    store.add_action(action)

    assert store.get_application(application.id) == application
    assert store.get_interview(interview.id) == interview
    assert store.get_interviewer(person.id) == person
    loaded_notes = store.get_notes(person.id)
    assert (loaded_notes.liked, loaded_notes.concerns, loaded_notes.version) == (
        "the migration story",
        "no Go experience",
        1,
    )
    assert store.list_letters(application.id) == [letter]
    assert store.list_actions(application.id) == [action]
    assert isinstance(store.get_interview(interview.id).calls_welcome, CallsWelcome)


def _bundle(company: str, *, due: date = date(2026, 12, 1)) -> ApplicationBundle:
    """An application with everything under it, its texts with what the store cleans away."""
    application = Application(
        company,
        "Analyst\r\nBcc: x@y.example",
        notes="line one\r\nline two\x00",
        created_at=datetime(2026, 11, 2, 9),
    )
    interview = Interview(
        0, datetime(2026, 11, 20, 14, 30), decision_by=date(2100, 12, 31), next_steps="soon\x1b"
    )
    person = Interviewer(0, "Zoë\tÅngström", "CTO", "zoe@acme.example")
    person.id = 1  # the file's ref, by which the letters and actions below name this person
    notes = DebriefNotes(0, liked="the\u2028migration story")
    letter = Letter(0, LetterKind.THANK_YOU_EMAIL, "zoe@acme.example", "Thanks\nBcc: all", "Body\r\n", 1)
    actions = [
        Action(0, ActionKind.STATUS_CHECK, due, Channel.PHONE, "Zoë", 1, attempt=1, why="because", uid="u-1"),
        Action(0, ActionKind.CLOSE, date(1970, 1, 1), Channel.EMAIL, status=ActionStatus.DONE, done_on=due),
    ]
    return ApplicationBundle(application, [(interview, [(person, notes)])], [letter], actions)


def _everything(store: Store) -> list:
    """What the store gives back, without the ids the database chose."""
    found = []
    for application in store.list_applications():
        interviews = store.list_interviews(application.id)
        people = [p for i in interviews for p in store.list_interviewers(i.id)]
        notes = [store.get_notes(p.id) for p in people]
        found.append(
            [
                dataclasses.replace(application, id=None, version=None),
                [dataclasses.replace(i, id=None, application_id=None, version=None) for i in interviews],
                [dataclasses.replace(p, id=None, interview_id=None, version=None) for p in people],
                [(n.liked, n.concerns) for n in notes],
                [
                    dataclasses.replace(x, id=None, application_id=None, interviewer_id=None)
                    for x in store.list_letters(application.id)
                ],
                # An event id repeated in one calendar is replaced by a new one, whichever way it came.
                [
                    dataclasses.replace(x, id=None, application_id=None, interviewer_id=None, uid=None)
                    for x in store.list_actions(application.id)
                ],
            ]
        )
    return found


def test_a_restore_in_bulk_stores_what_saving_one_by_one_stores(store, tmp_path):
    store.add_bundles([_bundle("Acme"), _bundle("Brisk")])
    one_by_one = Store.open(f"sqlite:///{tmp_path / 'one-by-one.db'}")
    try:
        for bundle in (_bundle("Acme"), _bundle("Brisk")):
            application = bundle.application
            one_by_one.add_application(application)
            ((interview, [(person, notes)]),) = bundle.interviews
            interview.application_id = application.id
            one_by_one.add_interview(interview)
            person.interview_id = interview.id
            one_by_one.add_interviewer(person)
            notes.interviewer_id = person.id
            one_by_one.save_notes(notes)
            for record in [*bundle.letters, *bundle.actions]:
                record.application_id = application.id
                record.interviewer_id = person.id if record.interviewer_id else None
            for letter in bundle.letters:
                one_by_one.add_letter(letter)
            for action in bundle.actions:
                one_by_one.add_action(action)
        expected = _everything(one_by_one)
    finally:
        one_by_one.close()
    assert _everything(store) == expected
    applications = store.list_applications()
    actions = [x for a in applications for x in store.list_actions(a.id)]
    uids = [x.uid for x in actions]
    assert len(set(uids)) == 4 and uids.count("u-1") == 1
    for application in applications:
        (interview,) = store.list_interviews(application.id)
        (person,) = store.list_interviewers(interview.id)
        linked = [
            x.interviewer_id
            for x in [*store.list_letters(application.id), *store.list_actions(application.id)]
        ]
        assert sorted(linked, key=str) == sorted([person.id, person.id, None], key=str)
    # Worked out by hand: control characters gone, line breaks kept in notes, one line in names.
    application = expected[0][0]
    assert (application.role, application.notes) == ("Analyst Bcc: x@y.example", "line one\nline two")
    assert expected[0][2][0].name == "Zoë Ångström"
    assert expected[0][3] == [("the\nmigration story", "")]
    assert expected[0][4][0].subject == "Thanks Bcc: all"


def test_the_overview_reads_dates_as_the_driver_gives_them_and_prepares_them_as_typed_ones(store):
    """The overview skips SQLAlchemy's conversion of each date (text in SQLite); once prepared,
    its frames are those of the typed read, dates and times to the second."""
    store.add_bundles([_bundle("Acme"), _bundle("Brisk", due=date(2026, 12, 24))])
    read = overview.prepare(store.overview_rows())
    with store._read() as conn, conn.begin():
        typed = overview.prepare(overview_frames(store._overview_records(conn, None)))
    for name, frame in typed.items():
        pd.testing.assert_frame_equal(read[name], frame)
    actions = read["actions"].sort_values(["application_id", "id"])
    assert actions["due"].tolist() == [
        pd.Timestamp(2026, 12, 1),
        pd.Timestamp(1970, 1, 1),
        pd.Timestamp(2026, 12, 24),
        pd.Timestamp(1970, 1, 1),
    ]
    assert actions["done_on"].dropna().tolist() == [pd.Timestamp(2026, 12, 1), pd.Timestamp(2026, 12, 24)]
    assert read["interviews"]["starts_at"].tolist() == [pd.Timestamp(2026, 11, 20, 14, 30)] * 2
    assert read["interviews"]["decision_by"].tolist() == [pd.Timestamp(2100, 12, 31)] * 2
    assert read["applications"]["created_at"].tolist() == [pd.Timestamp(2026, 11, 2, 9)] * 2


@pytest.mark.parametrize("due", [date(1969, 12, 31), date(2101, 1, 1)])
def test_a_restore_in_bulk_refuses_a_date_outside_the_years_and_saves_nothing(store, due):
    store.add_bundles([_bundle("Kept")])
    with pytest.raises(ValidationFailed) as refused:
        store.add_bundles([_bundle("Acme"), _bundle("Brisk", due=due)], replace_all=True)
    assert "outside the years 1970 to 2100" in str(refused.value.errors)
    assert [a.company for a in store.list_applications()] == ["Kept"]


def test_settings_round_trip(store):
    assert store.get_settings() == Settings()
    store.save_settings(Settings("DE", CadenceProfile.GENTLE, "Jo", ["Kubernetes", "dbt", "dbt"]))
    assert store.get_settings() == Settings("DE", CadenceProfile.GENTLE, "Jo", ["Kubernetes", "dbt"])


def test_deleting_an_application_removes_everything_under_it(store):
    application = _application(store)
    interview = Interview(application.id, datetime(2026, 11, 20, 9))
    store.add_interview(interview)
    person = Interviewer(interview.id, "Dana")
    store.add_interviewer(person)
    store.save_notes(DebriefNotes(person.id, liked="x"))
    store.add_action(Action(application.id, ActionKind.CLOSE, date(2026, 12, 1), Channel.EMAIL))
    store.delete_application(application.id)
    with store.engine.connect() as conn:
        for table in (tables.interviews, tables.interviewers, tables.debrief_notes, tables.actions):
            assert conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one() == 0


def test_a_later_save_from_a_stale_copy_is_refused_not_overwritten(store):
    application = _application(store)
    mine = store.get_application(application.id)
    theirs = store.get_application(application.id)
    theirs.role = "Senior Analyst"
    store.update_application(theirs)
    mine.role = "Lead Analyst"
    with pytest.raises(StaleEdit, match="changed in another tab"):
        store.update_application(mine)
    assert store.get_application(application.id).role == "Senior Analyst"


def test_notes_written_twice_from_blank_copies_do_not_overwrite(store):
    application = _application(store)
    interview = Interview(application.id, datetime(2026, 11, 20, 9))
    store.add_interview(interview)
    person = Interviewer(interview.id, "Dana")
    store.add_interviewer(person)
    first, second = store.get_notes(person.id), store.get_notes(person.id)
    first.liked = "first"
    store.save_notes(first)
    second.liked = "second"
    with pytest.raises(StaleEdit):
        store.save_notes(second)
    assert store.get_notes(person.id).liked == "first"


def test_saving_under_a_deleted_parent_says_so(store):
    with pytest.raises(NotFound):
        store.add_interview(Interview(9999, datetime(2026, 11, 20, 9)))
    with pytest.raises(NotFound):
        store.get_application(9999)


def test_a_failed_save_leaves_nothing_half_written(store):
    application = _application(store)
    planned = [
        Action(application.id, ActionKind.STATUS_CHECK, date(2026, 12, 1), Channel.PHONE, attempt=1),
        Action(
            application.id, ActionKind.STATUS_CHECK, date(2026, 12, 2), Channel.PHONE, interviewer_id=9999
        ),
    ]
    store.add_action(Action(application.id, ActionKind.CLOSE, date(2026, 12, 9), Channel.EMAIL))
    with pytest.raises(NotFound):
        store.replace_planned(application.id, planned)
    assert [a.kind for a in store.list_actions(application.id)] == [ActionKind.CLOSE]


def test_replace_planned_keeps_done_actions_and_the_manual_ones_the_plan_holds(store):
    application = _application(store)
    done = Action(
        application.id,
        ActionKind.THANK_YOU_EMAIL,
        date(2026, 11, 20),
        Channel.EMAIL,
        status=ActionStatus.DONE,
    )
    manual = Action(application.id, ActionKind.STATUS_CHECK, date(2026, 11, 30), Channel.PHONE, manual=True)
    dropped = Action(application.id, ActionKind.CLOSE, date(2026, 12, 1), Channel.EMAIL, manual=True)
    old = Action(application.id, ActionKind.STATUS_CHECK, date(2026, 11, 27), Channel.PHONE)
    for action in (done, manual, dropped, old):
        store.add_action(action)
    store.replace_planned(
        application.id,
        [
            manual,
            Action(application.id, ActionKind.STATUS_CHECK, date(2026, 12, 4), Channel.EMAIL, attempt=2),
        ],
    )
    kept = store.list_actions(application.id)
    assert [(a.due, a.manual, a.status) for a in kept] == [
        (date(2026, 11, 20), False, ActionStatus.DONE),
        (date(2026, 11, 30), True, ActionStatus.PLANNED),
        (date(2026, 12, 4), False, ActionStatus.PLANNED),
    ]


def test_replacing_every_plan_drops_the_manual_actions_no_plan_holds(store):
    first, second = _application(store), _application(store)
    moved = [
        Action(a.id, ActionKind.STATUS_CHECK, date(2026, 11, 30), Channel.PHONE, manual=True)
        for a in (first, second)
    ]
    store.add_history(moved, [])
    store.replace_all_planned({first.id: [moved[0]], second.id: []})
    assert [a.id for a in store.list_actions()] == [moved[0].id]


def test_every_write_moves_the_data_version(store):
    before = store.data_version()
    application = _application(store)
    assert store.data_version() == before + 1
    store.list_applications()
    assert store.data_version() == before + 1
    store.delete_application(application.id)
    assert store.data_version() == before + 2


def test_sqlite_runs_with_foreign_keys_and_wal(sqlite_store):
    with sqlite_store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_two_writers_at_once_both_land(database_url):
    """Four servers (four engines) saving at once: on SQLite the second writer waits for the write
    lock instead of failing; on PostgreSQL each save waits for the person's row."""
    stores = [Store.open(database_url) for _ in range(4)]
    errors = []

    def write(store, worker):
        try:
            for n in range(25):
                store.add_application(
                    Application(f"Co {worker}-{n}", "Role", created_at=datetime(2026, 1, 1))
                )
        except Exception as error:  # noqa: BLE001 - the test reports whatever went wrong
            errors.append(error)

    before = stores[0].data_version()
    threads = [threading.Thread(target=write, args=(s, i)) for i, s in enumerate(stores)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(stores[0].list_applications()) == 100
    # Every save counted once, none lost to another.
    assert stores[0].data_version() == before + 100
    for store in stores:
        store.close()


def test_two_servers_saving_the_same_record_never_lose_an_update(database_url):
    """Each of two servers reads the record, changes it and saves it, twenty times at once:
    every save that was accepted is in the final version count, and each refusal is a stale edit."""
    first, second = Store.open(database_url), Store.open(database_url)
    application = Application("Shared", "Role 0")
    first.add_application(application)
    accepted, refused, failures = [], [], []

    def edit(store, name):
        for n in range(20):
            mine = store.get_application(application.id)
            mine.notes = f"{name} {n}"
            try:
                store.update_application(mine)
                accepted.append(mine.notes)
            except StaleEdit:
                refused.append(mine.notes)
            except Exception as error:  # noqa: BLE001 - the test reports whatever went wrong
                failures.append(error)

    threads = [
        threading.Thread(target=edit, args=(s, name)) for s, name in ((first, "first"), (second, "second"))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert len(accepted) + len(refused) == 40
    final = first.get_application(application.id)
    assert final.version == len(accepted)  # a new record starts at version 0
    assert final.notes == accepted[-1]
    first.close()
    second.close()


def test_two_servers_replanning_at_once_leave_one_plan(database_url):
    """Replacing the plan deletes the planned actions and inserts new ones: two at once must not
    leave both plans behind."""
    stores = [Store.open(database_url) for _ in range(2)]
    application = _application(stores[0])
    plan = [
        Action(application.id, ActionKind.STATUS_CHECK, date(2026, 12, day), Channel.PHONE, attempt=day)
        for day in (1, 3, 7)
    ]
    errors = []

    def replan(store):
        try:
            for _ in range(15):
                store.replace_planned(application.id, [dataclasses.replace(a) for a in plan])
        except Exception as error:  # noqa: BLE001 - the test reports whatever went wrong
            errors.append(error)

    threads = [threading.Thread(target=replan, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert [a.due.day for a in stores[0].list_actions(application.id)] == [1, 3, 7]
    for store in stores:
        store.close()


def test_postgresql_engines_pool_enough_connections_for_streamlit(monkeypatch, postgres_url):
    store = Store.open(postgres_url)
    assert (store.engine.pool.size(), store.engine.pool._max_overflow) == (10, 20)
    store.close()
    monkeypatch.setenv("FOLLOWUP_DATABASE_POOL_SIZE", "3")
    store = Store.open(postgres_url)
    assert (store.engine.pool.size(), store.engine.pool._max_overflow) == (3, 6)
    store.close()
    monkeypatch.setenv("FOLLOWUP_DATABASE_POOL_SIZE", "lots")
    with pytest.raises(StorageError, match="FOLLOWUP_DATABASE_POOL_SIZE must be a whole number"):
        Store.open(postgres_url)


def test_an_unreachable_postgresql_server_is_explained():
    with pytest.raises(StorageError, match="cannot be reached"):
        Store.open("postgresql://nobody@127.0.0.1:9/followup?connect_timeout=2")


def test_a_read_only_database_gives_a_clear_message_and_keeps_the_data(tmp_path):
    path = tmp_path / "followup.db"
    store = Store.open(f"sqlite:///{path}")
    _application(store)
    store.close()
    read_only = Store.open(f"sqlite:///file:{path}?mode=ro&uri=true")
    with pytest.raises(StorageError, match="read-only"):
        _application(read_only)
    assert [a.company for a in read_only.list_applications()] == ["Acme ✨ Ltd"]


def test_the_default_database_lives_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("FOLLOWUP_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_url() == f"sqlite:///{tmp_path / 'followup' / 'followup.db'}"
    monkeypatch.setenv("FOLLOWUP_DATABASE_URL", "sqlite:///elsewhere.db")
    assert default_url() == "sqlite:///elsewhere.db"


def test_a_bad_database_url_is_explained():
    with pytest.raises(StorageError, match="not a database URL"):
        Store.open("not a url")


def test_a_full_disk_gives_a_clear_message_and_keeps_what_was_saved(sqlite_store):
    store = sqlite_store
    _application(store, company="Saved before")
    with store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    # SQLite reports a database that reached max_page_count exactly as a full disk.
    @sa.event.listens_for(store.engine, "connect")
    def _cap(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 1}")

    store.engine.dispose()
    with pytest.raises(StorageError, match="The disk is full, so this was not saved"):
        store.add_application(Application("Too big", "Role", notes="x" * 200_000))
    assert [a.company for a in store.list_applications()] == ["Saved before"]
