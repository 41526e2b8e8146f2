from datetime import date, datetime

import pytest

from followup import clock
from followup.store import Store


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


@pytest.fixture
def store(database_url):
    opened = Store.open(database_url)
    yield opened
    opened.close()
