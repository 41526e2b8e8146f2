import hashlib
from dataclasses import replace
from datetime import date, datetime

import pytest
import sqlalchemy as sa

from followup import migrations, tables
from followup.errors import SchemaTooNew, StorageError
from followup.model import LOCAL_OWNER, Application, Owner, Settings
from followup.store import Store, create_engine
from tests.conftest import postgres_schema
from tests.unit import schema_v2


@pytest.fixture
def database_url(any_database_url):
    return any_database_url


def _schema(conn) -> dict:
    """Every table's columns (type, nullable), foreign keys and indexes, whatever their names."""
    inspector = sa.inspect(conn)
    described = {}
    for name in inspector.get_table_names():
        described[name] = {
            "columns": {
                c["name"]: (type(c["type"]).__name__.upper(), c["nullable"])
                for c in inspector.get_columns(name)
            },
            "foreign keys": sorted(
                (
                    tuple(fk["constrained_columns"]),
                    fk["referred_table"],
                    (fk.get("options") or {}).get("ondelete"),
                )
                for fk in inspector.get_foreign_keys(name)
            ),
            "unique": sorted(
                [tuple(u["column_names"]) for u in inspector.get_unique_constraints(name)]
                + [tuple(i["column_names"]) for i in inspector.get_indexes(name) if i["unique"]]
            ),
            "indexes": sorted(
                tuple(i["column_names"]) for i in inspector.get_indexes(name) if not i["unique"]
            ),
        }
    return described


def _expected(database_url: str) -> dict:
    """What tables.py describes, made directly by SQLAlchemy on an empty database of the same kind."""
    if database_url.startswith("sqlite"):
        engine = sa.create_engine("sqlite://")
        tables.metadata.create_all(engine)
        with engine.connect() as conn:
            return _schema(conn)
    with postgres_schema() as url:
        engine = sa.create_engine(url)
        tables.metadata.create_all(engine)
        with engine.connect() as conn:
            described = _schema(conn)
        engine.dispose()
        return described


def _old_database(url: str, version: int) -> None:
    """A database as followup version 1 or 2 left it, with an application and the settings row."""
    engine = sa.create_engine(url)
    old = schema_v2.metadata
    with engine.begin() as conn:
        wanted = [t for t in old.sorted_tables if version >= 2 or t.name not in ("letters", "actions")]
        old.create_all(conn, tables=wanted)
        conn.execute(old.tables["meta"].insert().values(id=1, schema_version=version, data_version=41))
        conn.execute(old.tables["settings"].insert().values(id=1, country="DE", signature="Jo"))
        conn.execute(
            old.tables["applications"]
            .insert()
            .values(
                company="Old Co",
                role="Clerk",
                field_pace="relaxed",
                formality="formal",
                status="waiting",
                created_at=datetime(2025, 1, 2, 9),
            )
        )
        conn.execute(
            old.tables["interviews"]
            .insert()
            .values(application_id=1, round=1, starts_at=datetime(2025, 1, 3, 10))
        )
    engine.dispose()


def test_an_empty_database_migrates_to_exactly_the_current_schema(database_url):
    store = Store.open(database_url)
    assert store.schema_version() == migrations.CURRENT_VERSION
    with store.engine.connect() as conn:
        assert _schema(conn) == _expected(database_url)
    store.close()


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_database_moves_forward_and_keeps_its_data_for_the_local_owner(database_url, version):
    _old_database(database_url, version)

    store = Store.open(database_url)
    assert store.schema_version() == migrations.CURRENT_VERSION
    assert store.owner == LOCAL_OWNER
    assert [a.company for a in store.list_applications()] == ["Old Co"]
    assert [i.starts_at for i in store.list_interviews()] == [datetime(2025, 1, 3, 10)]
    assert (store.get_settings().country, store.get_settings().signature) == ("DE", "Jo")
    with store.engine.connect() as conn:
        assert _schema(conn) == _expected(database_url)

    # Someone signing in later starts with nothing of the local owner's.
    other = store.for_owner(Owner("https://id.example", "new-person"))
    assert other.list_applications() == [] and other.list_interviews() == []
    assert other.get_settings() == Settings()
    store.close()


def test_the_upgrade_keeps_everything_under_each_application(database_url):
    """Rebuilding the applications table must not take the records that point at it along."""
    _old_database(database_url, 2)
    store = Store.open(database_url)
    application = store.list_applications()[0]
    assert len(store.list_interviews(application.id)) == 1
    store.delete_application(application.id)
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(tables.interviews)).scalar_one() == 0
    store.close()


def test_every_database_gets_a_name_of_its_own_new_or_from_before_names_were_given(tmp_path):
    names = []
    for file in ("old-one.db", "old-two.db", "new.db"):
        url = f"sqlite:///{tmp_path / file}"
        if file.startswith("old"):
            _old_database(url, 2)  # version 2 had no name for the database
        store = Store.open(url)
        with store.engine.connect() as conn:
            names.append(conn.execute(sa.select(tables.meta.c.database_id)).scalar_one())
        again = Store.open(url)
        assert again.identity == store.identity and names[-1] in store.identity
        store.close()
        again.close()
    assert all(len(name) == 32 for name in names) and len(set(names)) == 3


def test_opening_twice_changes_nothing(database_url):
    Store.open(database_url).add_application(Application("A", "B"))
    store = Store.open(database_url)
    assert len(store.list_applications()) == 1
    assert store.get_settings().country == "US"
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(tables.owners)).scalar_one() == 1
    store.close()


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(database_url):
    store = Store.open(database_url)
    store.add_application(Application("Kept", "Role"))
    with store.engine.begin() as conn:
        conn.execute(tables.meta.update().values(schema_version=migrations.CURRENT_VERSION + 1))
    store.close()
    with pytest.raises(SchemaTooNew, match="newer version of followup"):
        Store.open(database_url)
    engine = create_engine(database_url)
    with engine.connect() as conn:
        assert conn.execute(sa.select(tables.applications.c.company)).scalars().all() == ["Kept"]
        assert (
            conn.execute(sa.select(tables.meta.c.schema_version)).scalar() == migrations.CURRENT_VERSION + 1
        )
    engine.dispose()


def test_a_newer_sqlite_file_is_not_even_rewritten(tmp_path):
    path = tmp_path / "newer.db"
    store = Store.open(f"sqlite:///{path}")
    with store.engine.begin() as conn:
        conn.execute(tables.meta.update().values(schema_version=migrations.CURRENT_VERSION + 1))
    store.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNew):
        Store.open(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_a_database_of_another_program_is_refused(database_url):
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    engine.dispose()
    with pytest.raises(StorageError, match="not made by followup"):
        Store.open(database_url)


def test_a_version_2_database_gets_the_region_setting_and_keeps_its_settings(database_url):
    _old_database(database_url, 2)  # its settings table has no region yet
    store = Store.open(database_url)
    settings = store.get_settings()
    assert (settings.country, settings.signature, settings.subdivision) == ("DE", "Jo", "")
    store.save_settings(replace(settings, subdivision="BY"))
    assert store.get_settings().subdivision == "BY"
    store.close()


def _schema_2_database(url: str) -> None:
    """A database as schema 2 left it: actions without event ids; two checks alike in application 1."""
    engine = sa.create_engine(url)
    old = schema_v2.metadata
    with engine.begin() as conn:
        old.create_all(conn)
        conn.execute(old.tables["meta"].insert().values(id=1, schema_version=2, data_version=0))
        conn.execute(old.tables["settings"].insert().values(id=1))
        for company in ("Acme", "Bolt"):
            conn.execute(
                old.tables["applications"]
                .insert()
                .values(
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
            old.tables["actions"].insert(),
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


def test_actions_keep_the_event_ids_their_calendar_already_holds(database_url):
    _schema_2_database(database_url)
    store = Store.open(database_url)
    uids = {a.id: a.uid for a in store.list_actions()}
    check = _old_event_id(1, "status_check", "Dana Lee", 2)
    # Two checks alike: the one due first (id 2) had the plain id in the calendar file, the other a "-2".
    assert uids[2] == check
    assert uids[1] == check.replace("@followup", "-2@followup")
    assert uids[3] == _old_event_id(2, "close", "Dana Lee", None)
    assert uids[4] == _old_event_id(2, "thank_you_email", "Dana Lee", None)
    with store.engine.connect() as conn:
        assert _schema(conn) == _expected(database_url)
    store.close()
    # Opening again changes nothing.
    reopened = Store.open(database_url)
    assert {a.id: a.uid for a in reopened.list_actions()} == uids
    reopened.close()
