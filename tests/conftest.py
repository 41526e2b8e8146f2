import os

import pytest

from followup.store import Store

# Problems in pages are raised as they are (see ui/errors.py), so a test sees the exception
# instead of the polite message users get. Tests of that message unset it.
os.environ["FOLLOWUP_DEBUG"] = "1"


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
