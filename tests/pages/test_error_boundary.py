"""Never a traceback in the browser: every page runs inside the app's error boundary, which
shows a plain message that says what to do and logs the details under a reference."""

import logging
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from followup import planning
from followup.sample import load_sample
from followup.store import Store
from tests.pages.conftest import PAGES, ROOT
from ui import session

SECRET = "secret detail at /srv/followup/private.py line 12"


@pytest.fixture
def polite(monkeypatch):
    """Run as users do: problems become messages (the tests otherwise raise them)."""
    monkeypatch.delenv("FOLLOWUP_DEBUG", raising=False)


def _app():
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)


def _broken(*_args, **_kwargs):
    raise RuntimeError(SECRET)


def _shown(at) -> str:
    return "\n".join(e.value for e in at.error)


@pytest.mark.parametrize("page", PAGES)
def test_an_unexpected_problem_on_any_page_is_a_plain_message_and_a_log_line(
    polite, store, monkeypatch, caplog, page
):
    load_sample(store)
    monkeypatch.chdir(ROOT)
    at = _app().run()
    # Every page starts by showing what the last click did: make that fail.
    monkeypatch.setattr(session, "show_flash", _broken)
    with caplog.at_level(logging.ERROR, logger="followup"):
        at.switch_page(page).run()
    assert not at.exception
    shown = _shown(at)
    assert "Something went wrong and this page stopped here" in shown
    assert "Nothing you saved before is lost" in shown
    assert SECRET.split()[0] not in shown and "/srv" not in shown and "RuntimeError" not in shown
    reference = re.search(r"reference ([0-9a-f]{8})", shown).group(1)
    [record] = [r for r in caplog.records if reference in r.getMessage()]
    assert record.exc_info[1].args == (SECRET,)


def test_a_problem_the_app_foresaw_shows_its_own_message_as_plain_text(polite, store, monkeypatch):
    from followup.errors import StorageError

    def damaged(*_args, **_kwargs):
        raise StorageError("The database file is damaged and cannot be read. ![x](http://127.0.0.9:9/i.png)")

    load_sample(store)
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(Store, "list_applications", damaged)
    at = _app().run()
    at.switch_page("pages/applications.py").run()
    assert not at.exception
    shown = _shown(at)
    assert shown.startswith("The database file is damaged and cannot be read\\.")
    assert "![" not in shown and "](" not in shown
    assert "restore your latest backup on Your data" in shown


def test_a_bit_flipped_database_is_explained_not_traced(polite, tmp_path, monkeypatch):
    path = tmp_path / "flipped.db"
    store = Store.open(f"sqlite:///{path}")
    load_sample(store)
    store.close()
    data = bytearray(path.read_bytes())
    # Scramble every page after the first: the header opens, the tables do not read.
    for offset in range(4096 + 100, len(data), 97):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    monkeypatch.setenv("FOLLOWUP_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.chdir(ROOT)
    at = _app().run()
    assert not at.exception
    shown = _shown(at)
    assert shown.startswith("The database file is damaged and cannot be read"), shown
    assert "restore your latest backup on Your data" in shown
    assert "Traceback" not in shown and str(tmp_path) not in shown


def test_a_callback_that_fails_says_so_on_the_next_run(polite, store, monkeypatch):
    load_sample(store)
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(planning, "replan", _broken)
    at = _app().run()
    at.switch_page("pages/plan.py").run()
    next(b for b in at.button if b.label == "Recompute the plan").click().run()
    assert not at.exception
    assert "Something went wrong and this page stopped here" in _shown(at)
    assert SECRET.split()[0] not in _shown(at)


def test_while_debugging_the_problem_is_raised_as_it_is(store, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_DEBUG", "1")
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(Store, "list_applications", _broken)
    at = _app().run()
    at.switch_page("pages/applications.py").run()
    # Raised to Streamlit, which shows its own redacted note (showErrorDetails = "none").
    assert at.exception
    assert "Something went wrong" not in _shown(at)


def test_the_server_never_sends_error_details():
    config = (Path(ROOT) / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert re.search(r'^showErrorDetails = "none"$', config, re.MULTILINE)
