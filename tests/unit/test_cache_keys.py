"""Caches of what a database holds are keyed by that database, never by a setting shared by all."""

import shutil

import pytest

from followup import clock, demo
from followup.model import Application
from followup.store import Store
from ui import overview_parts


@pytest.fixture
def two_databases(tmp_path):
    """Two visitors' databases, each with one save of its own: equal data versions."""
    first, second = (Store.open(f"sqlite:///{tmp_path / name}") for name in ("first.db", "second.db"))
    first.add_application(Application("First Visitor Co", "Analyst"))
    second.add_application(Application("Second Visitor Co", "Analyst"))
    assert first.data_version() == second.data_version()
    yield first, second
    first.close()
    second.close()


def _companies(store: Store) -> list[str]:
    return overview_parts.snapshot(store, clock.today()).table["company"].tolist()


def test_two_stores_with_equal_data_versions_never_share_a_cached_table(two_databases):
    first, second = two_databases
    assert _companies(first) == ["First Visitor Co"]
    assert _companies(second) == ["Second Visitor Co"]
    # Asked again, in the other order: each still gets its own, from the cache.
    assert _companies(second) == ["Second Visitor Co"]
    assert _companies(first) == ["First Visitor Co"]


def test_two_demo_visitors_have_different_identities():
    first, second = demo.DemoDatabase(), demo.DemoDatabase()
    try:
        assert first.store.data_version() == second.store.data_version()
        assert first.store.identity != second.store.identity
    finally:
        first.discard()
        second.discard()


def test_one_database_has_one_identity_and_a_copy_elsewhere_another(tmp_path):
    path = tmp_path / "mine.db"
    store = Store.open(f"sqlite:///{path}")
    store.add_application(Application("Acme", "Analyst"))
    again = Store.open(f"sqlite:///{path}")
    assert again.identity == store.identity
    store.close()
    again.close()
    shutil.copy(path, tmp_path / "copy.db")
    copy = Store.open(f"sqlite:///{tmp_path / 'copy.db'}")
    assert copy.data_version() == Store.open(f"sqlite:///{path}").data_version()
    assert copy.identity != store.identity
    copy.close()
