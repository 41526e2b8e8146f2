import pytest

from followup.sample import load_sample
from tests.pages.conftest import PAGES


def test_the_router_lists_every_page_file(app):
    # A page file missing from st.navigation would be unreachable.
    assert PAGES and all(page.startswith("pages/") for page in PAGES)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_empty(app, page):
    app.switch_page(page).run()
    assert not app.exception
    assert app.title


@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_with_the_sample(app, store, page):
    load_sample(store)
    app.switch_page(page).run()
    assert not app.exception
