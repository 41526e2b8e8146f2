import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

import pytest
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from followup import clock
from followup.store import Store

# A PostgreSQL server the tests may use (bash scripts/test starts a throwaway one).
POSTGRES_URL = os.environ.get("FOLLOWUP_TEST_DATABASE_URL", "").strip()
needs_postgres = pytest.mark.skipif(
    not POSTGRES_URL,
    reason="no PostgreSQL: set FOLLOWUP_TEST_DATABASE_URL, or run bash scripts/test, which starts one",
)


@contextmanager
def postgres_schema(server_url: str = POSTGRES_URL) -> Iterator[str]:
    """A new, empty schema on a PostgreSQL server (the test one by default), as a URL whose
    connections see only it; dropped after."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    admin = sa.create_engine(server_url, poolclass=NullPool)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {name}")
    url = sa.engine.make_url(server_url).update_query_dict({"options": f"-csearch_path={name}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {name} CASCADE")
        admin.dispose()


# Problems in pages are raised as they are (see ui/errors.py), so a test sees the exception
# instead of the polite message users get. Tests of that message unset it.
os.environ["FOLLOWUP_DEBUG"] = "1"


@pytest.fixture(autouse=True)
def _one_moment_per_test():
    """Each test lives in one moment: the app's clock stops when the test starts.

    A test that starts at 23:59:59 still sees one day from start to end, and the
    day is whatever the machine says (run the suite under faketime for another).
    """
    clock.set_now(clock.now())
    yield
    clock.set_now(None)


@pytest.fixture
def now() -> datetime:
    """The moment this test runs at, as the app sees it."""
    return clock.now()


@pytest.fixture
def today(now) -> date:
    """The day this test runs on, as the app sees it. Set another with `clock.set_now(day)`."""
    return now.date()


@pytest.fixture
def database_url(tmp_path, monkeypatch):
    """A fresh SQLite file, also seen by the app through FOLLOWUP_DATABASE_URL."""
    url = f"sqlite:///{tmp_path / 'followup.db'}"
    monkeypatch.setenv("FOLLOWUP_DATABASE_URL", url)
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=needs_postgres)])
def any_database_url(request, tmp_path, monkeypatch):
    """A fresh, empty database of each kind followup runs on, also seen through FOLLOWUP_DATABASE_URL.

    Test modules that must hold on both override `database_url` with this.
    """
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'followup.db'}"
        monkeypatch.setenv("FOLLOWUP_DATABASE_URL", url)
        yield url
        return
    with postgres_schema() as url:
        monkeypatch.setenv("FOLLOWUP_DATABASE_URL", url)
        yield url


@pytest.fixture
def postgres_url(monkeypatch):
    """A fresh schema on the test PostgreSQL server; the test is skipped when there is none."""
    if not POSTGRES_URL:
        pytest.skip(needs_postgres.kwargs["reason"])
    with postgres_schema() as url:
        yield url


@pytest.fixture
def store(database_url):
    opened = Store.open(database_url)
    yield opened
    opened.close()
