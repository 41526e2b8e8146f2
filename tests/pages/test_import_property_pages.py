"""Whatever a backup holds, once the import accepts it every page opens on it."""

from hypothesis import HealthCheck, assume, given, settings
from streamlit.testing.v1 import AppTest

from followup import backup, clock
from followup.store import Store
from tests.hostile_backups import TODAY, base_document, hostile_backup
from tests.pages.conftest import PAGES, ROOT

# One application, the interview with a panel of three: every page shows all of it.
BASE = base_document(1)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(data=hostile_backup(BASE))
def test_every_page_opens_on_whatever_the_import_accepted(data, tmp_path_factory, monkeypatch):
    clock.set_now(TODAY)
    try:
        try:
            parsed = backup.parse(data)
        except backup.ImportRefused:
            parsed = None
        # Refusals are the unit test's business (tests/unit/test_import_property.py): here,
        # only what the import accepted, eight of those every run.
        assume(parsed is not None)
        url = f"sqlite:///{tmp_path_factory.mktemp('imported') / 'followup.db'}"
        backup.import_parsed(Store.open(url), parsed, replace=True)
        monkeypatch.setenv("FOLLOWUP_DATABASE_URL", url)
        monkeypatch.chdir(ROOT)
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
        for page in PAGES:
            at.switch_page(page).run()
            assert not at.exception, (page, [e.message for e in at.exception])
    finally:
        clock.set_now(None)
