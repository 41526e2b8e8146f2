from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))


@pytest.fixture
def app(database_url, monkeypatch):
    """The whole app, started from the router as a visitor would see it."""
    monkeypatch.chdir(ROOT)
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()


def errors_shown(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith(":red[")] + [e.value for e in at.error]
