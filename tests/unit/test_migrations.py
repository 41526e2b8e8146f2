from datetime import datetime

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


def test_a_database_from_before_names_were_given_gets_its_own(tmp_path):
    names = []
    for file in ("one.db", "two.db"):
        url = f"sqlite:///{tmp_path / file}"
        engine = create_engine(url)
        with engine.begin() as conn:
            assert migrations.migrate(conn, migrations.STEPS[:2]) == 2
            conn.exec_driver_sql("ALTER TABLE meta DROP COLUMN database_id")  # as version 2 made it
        engine.dispose()
        store = Store.open(url)
        with store.engine.connect() as conn:
            assert _columns(conn) == _expected()
            names.append(conn.execute(sa.select(tables.meta.c.database_id)).scalar_one())
        assert Store.open(url).identity == store.identity
    assert all(len(name) == 32 for name in names) and names[0] != names[1]


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
