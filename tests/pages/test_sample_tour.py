"""The sample opens beside one's own applications in a private database, never mixed into them."""

from followup import demo
from followup.model import Application
from followup.store import Store


def _own(database_url) -> Store:
    store = Store.open(database_url)
    store.add_application(Application("My Real Co", "Analyst"))
    return store


def test_with_an_application_of_ones_own_the_sample_opens_apart(app, database_url):
    store = _own(database_url)
    before = set(demo.live_demo_folders())
    app.switch_page("pages/data.py").run()
    app.button(key="sample-tour-start").click().run()
    assert not app.exception

    app.switch_page("pages/applications.py").run()
    shown = " ".join(str(s.options) for s in app.selectbox)
    assert "Northwind Analytics" in shown and "My Real Co" not in shown
    assert "**Sample:**" in " ".join(i.value for i in app.info)
    # The database of one's own is as it was: one application, no sample in it.
    assert [a.company for a in store.list_applications()] == ["My Real Co"]
    [tour] = set(demo.live_demo_folders()) - before

    app.button(key="sample-tour-end").click().run()
    assert not app.exception
    app.switch_page("pages/applications.py").run()
    assert "My Real Co" in " ".join(str(s.options) for s in app.selectbox)
    assert not tour.exists()
    store.close()


def test_an_empty_database_still_loads_the_sample_into_it(app, database_url):
    app.switch_page("pages/data.py").run()
    assert "sample-tour-start" not in [b.key for b in app.button]
    app.switch_page("pages/overview.py").run()
    assert "load-sample" in [b.key for b in app.button]
