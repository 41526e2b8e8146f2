import hashlib
from datetime import date, datetime

import pytest
import sqlalchemy as sa

from followup import migrations, tables
from followup.errors import SchemaTooNew, StorageError
from followup.model import Application
from followup.store import Store, create_engine


def _columns(conn) -> dict[str, dict[str, tuple[str, bool]]]:
    inspector = sa.inspect(conn)
    return {
        name: {
            c["name"]: (type(c["type"]).__name__.upper(), c["nullable"]) for c in inspector.get_columns(name)
        }
        for name in inspector.get_table_names()
    }


def _expected() -> dict[str, dict[str, tuple[str, bool]]]:
    engine = sa.create_engine("sqlite://")
    tables.metadata.create_all(engine)
    with engine.connect() as conn:
        return _columns(conn)


def test_an_empty_database_migrates_to_exactly_the_current_schema(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'new.db'}")
    assert store.schema_version() == migrations.CURRENT_VERSION
    with store.engine.connect() as conn:
        assert _columns(conn) == _expected()


def test_an_older_database_moves_forward_and_keeps_its_data(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        assert migrations.migrate(conn, migrations.STEPS[:1]) == 1
        conn.execute(
            tables.applications.insert().values(
                company="Old Co",
                role="Clerk",
                field_pace="relaxed",
                formality="formal",
                status="waiting",
                created_at=datetime(2025, 1, 2, 9),
            )
        )
        assert "letters" not in sa.inspect(conn).get_table_names()
    engine.dispose()

    store = Store.open(url)
    assert store.schema_version() == migrations.CURRENT_VERSION
    assert [a.company for a in store.list_applications()] == ["Old Co"]
    with store.engine.connect() as conn:
        assert _columns(conn) == _expected()


def test_opening_twice_changes_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'twice.db'}"
    Store.open(url).add_application(Application("A", "B"))
    store = Store.open(url)
    assert len(store.list_applications()) == 1
    assert store.get_settings().country == "US"


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.db"
    store = Store.open(f"sqlite:///{path}")
    with store.engine.begin() as conn:
        conn.execute(tables.meta.update().values(schema_version=migrations.CURRENT_VERSION + 1))
    store.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNew, match="newer version of followup"):
        Store.open(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_a_database_of_another_program_is_refused(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'other.db'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(StorageError, match="not made by followup"):
        Store.open(f"sqlite:///{tmp_path / 'other.db'}")


def _schema_2_database(url: str) -> None:
    """A database as schema 2 left it: actions without event ids; two checks alike in application 1."""
    engine = create_engine(url)
    with engine.begin() as conn:
        migrations.migrate(conn, migrations.STEPS[:2])
        for company in ("Acme", "Bolt"):
            conn.execute(
                tables.applications.insert().values(
                    company=company,
                    role="Clerk",
                    field_pace="standard",
                    formality="casual",
                    status="waiting",
                    created_at=datetime(2026, 11, 2, 9),
                )
            )
        common = {"channel": "phone", "status": "planned", "recipient": "Dana Lee"}
        conn.execute(
            sa.text(
                "INSERT INTO actions (id, application_id, kind, due, channel, recipient, status, attempt) "
                "VALUES (:id, :application_id, :kind, :due, :channel, :recipient, :status, :attempt)"
            ),
            [
                {
                    "id": 1,
                    "application_id": 1,
                    "kind": "status_check",
                    "due": date(2026, 11, 20),
                    "attempt": 2,
                    **common,
                },
                {
                    "id": 2,
                    "application_id": 1,
                    "kind": "status_check",
                    "due": date(2026, 11, 18),
                    "attempt": 2,
                    **common,
                },
                {
                    "id": 3,
                    "application_id": 2,
                    "kind": "close",
                    "due": date(2026, 12, 1),
                    "attempt": None,
                    **common,
                },
                {
                    "id": 4,
                    "application_id": 2,
                    "kind": "thank_you_email",
                    "due": date(2026, 11, 2),
                    "attempt": None,
                    **common,
                    "status": "done",
                },
            ],
        )
    engine.dispose()


def _old_event_id(application_id: int, kind: str, who: str, attempt) -> str:
    """The event id calendar files of schema 2 wrote, by its rule (application|kind|who|attempt)."""
    digest = hashlib.sha256(f"{application_id}|{kind}|{who}|{attempt or ''}".encode()).hexdigest()[:20]
    return f"followup-{application_id}-{kind}-{digest}@followup"


def test_actions_keep_the_event_ids_their_calendar_already_holds(tmp_path):
    url = f"sqlite:///{tmp_path / 'two.db'}"
    _schema_2_database(url)
    store = Store.open(url)
    uids = {a.id: a.uid for a in store.list_actions()}
    check = _old_event_id(1, "status_check", "Dana Lee", 2)
    # Two checks alike: the one due first (id 2) had the plain id in the calendar file, the other a "-2".
    assert uids[2] == check
    assert uids[1] == check.replace("@followup", "-2@followup")
    assert uids[3] == _old_event_id(2, "close", "Dana Lee", None)
    assert uids[4] == _old_event_id(2, "thank_you_email", "Dana Lee", None)
    with store.engine.connect() as conn:
        assert _columns(conn) == _expected()
    store.close()
    # Opening again changes nothing.
    assert {a.id: a.uid for a in Store.open(url).list_actions()} == uids
