from datetime import datetime, timedelta

import pytest

from followup.model import Application, Interview, Status
from tests.pages.conftest import errors_shown


@pytest.fixture
def app(app):
    """The router opens on Today; these tests are about the Applications page."""
    return app.switch_page("pages/applications.py").run()


def _button(at, label):
    return next(b for b in at.button if b.label == label)


def test_the_empty_page_offers_the_sample(app, store):
    assert "No applications yet" in app.info[0].value
    _button(app, "Load sample applications").click().run()
    assert not app.exception
    assert len(store.list_applications()) == 8
    assert len(app.dataframe) == 1


def test_required_fields_and_a_bad_link_are_explained_and_nothing_is_saved(app, store):
    app.text_input(key="apps-add-application-0-company").input("   ")
    app.text_input(key="apps-add-application-0-role").input("Analyst")
    app.text_input(key="apps-add-application-0-job_link").input("acme.com")
    _button(app, "Add application").click().run()
    shown = " ".join(errors_shown(app))
    assert "Company is required" in shown
    assert "full web address" in shown
    assert store.list_applications() == []
    assert app.text_input(key="apps-add-application-0-role").value == "Analyst"


def test_adding_then_editing_an_application(app, store):
    app.text_input(key="apps-add-application-0-company").input("Acme")
    app.text_input(key="apps-add-application-0-role").input("Analyst")
    _button(app, "Add application").click().run()
    [saved] = store.list_applications()
    assert (saved.company, saved.role, saved.status) == ("Acme", "Analyst", Status.ACTIVE)
    assert app.text_input(key="apps-add-application-1-company").value == ""

    prefix = f"apps-edit-{saved.id}-0-"
    app.text_input(key=f"{prefix}role").input("Lead Analyst")
    app.selectbox(key=f"{prefix}status").select(Status.WAITING)
    _button(app, "Save changes").click().run()
    assert not app.exception
    updated = store.get_application(saved.id)
    assert (updated.role, updated.status) == ("Lead Analyst", Status.WAITING)


def test_an_edit_made_elsewhere_first_is_not_overwritten(app, store):
    application = Application("Acme", "Analyst")
    store.add_application(application)
    app.run()
    elsewhere = store.get_application(application.id)
    elsewhere.role = "Changed elsewhere"
    store.update_application(elsewhere)

    prefix = f"apps-edit-{application.id}-0-"
    app.text_input(key=f"{prefix}role").input("Mine")
    _button(app, "Save changes").click().run()
    assert any("changed in another tab" in w.value for w in app.warning)
    assert store.get_application(application.id).role == "Changed elsewhere"
    assert app.text_input(key=f"{prefix}role").value == "Mine"

    _button(app, "Save my version over theirs").click().run()
    assert store.get_application(application.id).role == "Mine"
    assert not app.warning


def test_after_a_conflict_the_user_can_take_the_other_version(app, store):
    application = Application("Acme", "Analyst")
    store.add_application(application)
    app.run()
    elsewhere = store.get_application(application.id)
    elsewhere.role = "Changed elsewhere"
    store.update_application(elsewhere)
    prefix = f"apps-edit-{application.id}-0-"
    app.text_input(key=f"{prefix}role").input("Mine")
    _button(app, "Save changes").click().run()
    _button(app, "Discard mine, show theirs").click().run()
    assert app.text_input(key=f"apps-edit-{application.id}-1-role").value == "Changed elsewhere"
    assert store.get_application(application.id).role == "Changed elsewhere"


def test_adding_an_interview_checks_the_dates(today, app, store):
    application = Application("Acme", "Analyst")
    store.add_application(application)
    app.run()
    prefix = f"apps-add-interview-{application.id}-0-"
    app.date_input(key=f"{prefix}date").set_value(today)
    app.date_input(key=f"{prefix}decision_by").set_value(today - timedelta(days=3))
    _button(app, "Add interview").click().run()
    assert any("before the interview" in e for e in errors_shown(app))
    assert store.list_interviews(application.id) == []

    app.date_input(key=f"{prefix}decision_by").set_value(today + timedelta(days=7))
    _button(app, "Add interview").click().run()
    [interview] = store.list_interviews(application.id)
    assert interview.decision_by == today + timedelta(days=7)
    assert interview.round == 1


def test_deleting_asks_first(app, store):
    store.add_application(Application("Acme", "Analyst"))
    app.run()
    _button(app, "Delete this application…").click().run()
    assert len(store.list_applications()) == 1
    _button(app, "Delete for good").click().run()
    assert store.list_applications() == []
    assert not app.exception


def test_deleting_an_interview_asks_first(app, store):
    application = Application("Acme", "Analyst")
    store.add_application(application)
    store.add_interview(Interview(application.id, datetime(2026, 11, 20, 10)))
    app.run()
    _button(app, "Delete this interview…").click().run()
    assert len(store.list_interviews(application.id)) == 1
    _button(app, "Keep it").click().run()
    assert len(store.list_interviews(application.id)) == 1
    _button(app, "Delete this interview…").click().run()
    _button(app, "Delete for good").click().run()
    assert store.list_interviews(application.id) == []


def test_a_rejection_with_a_note_to_send_reads_staying_in_touch(app, store):
    from followup.sample import load_sample

    load_sample(store)
    app.run()
    table = app.dataframe[0].value
    stages = dict(zip(table["Company"], table["Stage"], strict=True))
    assert stages["Granite Bank"] == "Rejected, staying in touch"
    assert stages["Pine & Co"] == "Withdrawn"
