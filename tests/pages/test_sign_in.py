"""A group deployment: with an [auth] section, every page asks who you are first, and shows
each person only their own data."""

from datetime import datetime

import pytest
from streamlit.testing.v1 import AppTest

from followup.model import Application, Interview, Owner
from tests.pages.conftest import PAGES, ROOT

ISSUER = "https://id.example/realms/college"
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a-long-random-secret-for-signing-the-cookie",
    "client_id": "followup",
    "client_secret": "not-a-real-secret",
    "server_metadata_url": f"{ISSUER}/.well-known/openid-configuration",
}


def _visitor(monkeypatch, user: dict, auth: dict | None = None) -> AppTest:
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["auth"] = auth or AUTH
    at.user = user
    return at


def _person(subject: str, name: str) -> dict:
    return {
        "is_logged_in": True,
        "iss": ISSUER,
        "sub": subject,
        "name": name,
        "email": f"{subject}@college.example",
    }


def _texts(at) -> str:
    return " ".join(
        str(element.value) for kind in ("markdown", "caption", "title", "info") for element in at.get(kind)
    )


@pytest.fixture
def two_people(store):
    """Ana has applied at Acme (with an interview); Ben at Bolt."""
    ana = store.for_owner(Owner(ISSUER, "ana"))
    acme = Application("Acme", "Data Analyst")
    ana.add_application(acme)
    ana.add_interview(Interview(acme.id, datetime(2026, 11, 2, 10)))
    ben = store.for_owner(Owner(ISSUER, "ben"))
    ben.add_application(Application("Bolt", "Auditor"))
    return ana, ben


def test_a_visitor_who_has_not_signed_in_sees_the_sign_in_page_and_nothing_else(
    monkeypatch, database_url, two_people
):
    at = _visitor(monkeypatch, {"is_logged_in": False}).run()
    assert not at.exception
    assert [title.value for title in at.title] == ["followup"]
    assert [button.label for button in at.button] == ["Sign in"]
    assert "Acme" not in _texts(at) and "Bolt" not in _texts(at)
    assert not at.sidebar.button and not at.dataframe and not at.selectbox


@pytest.mark.parametrize("page", PAGES)
def test_no_page_opens_without_a_signed_in_person(monkeypatch, database_url, two_people, page):
    """Ana opens a page, then the session has no one signed in: the same page asks to sign in."""
    at = _visitor(monkeypatch, _person("ana", "Ana Lima")).run()
    at.switch_page(page).run()
    assert not at.exception
    at.user = {"is_logged_in": False}
    at.run()
    assert not at.exception
    assert [title.value for title in at.title] == ["followup"]
    assert [button.label for button in at.button] == ["Sign in"]
    assert "Acme" not in _texts(at) and "Bolt" not in _texts(at)


def test_named_providers_each_get_a_button(monkeypatch, database_url):
    auth = {
        "redirect_uri": AUTH["redirect_uri"],
        "cookie_secret": AUTH["cookie_secret"],
        "google": {k: AUTH[k] for k in ("client_id", "client_secret", "server_metadata_url")},
        "microsoft": {k: AUTH[k] for k in ("client_id", "client_secret", "server_metadata_url")},
    }
    at = _visitor(monkeypatch, {"is_logged_in": False}, auth).run()
    assert [button.label for button in at.button] == ["Sign in with Google", "Sign in with Microsoft"]


def test_a_signed_in_person_sees_only_their_own_applications(monkeypatch, database_url, two_people):
    at = _visitor(monkeypatch, _person("ana", "Ana Lima")).run()
    assert not at.exception
    assert [title.value for title in at.title] == ["Today"]
    [table] = at.dataframe
    assert list(table.value["company"]) == ["Acme"]
    assert any("Signed in as **Ana Lima**" in caption.value for caption in at.sidebar.caption)
    assert [button.label for button in at.sidebar.button] == ["Sign out"]

    at.switch_page("pages/applications.py").run()
    assert at.selectbox(key="application").options == ["Acme — Data Analyst"]


def test_someone_elses_application_in_the_url_shows_nothing_of_theirs(monkeypatch, database_url, two_people):
    at = _visitor(monkeypatch, _person("ben", "Ben Okafor"))
    at.query_params["application"] = "Acme — Data Analyst"
    at.run()
    at.switch_page("pages/plan.py").run()
    assert not at.exception
    picker = at.selectbox(key="application")
    [bolt] = two_people[1].list_applications()
    assert (picker.options, picker.value) == (["Bolt — Auditor"], bolt.id)
    assert "Acme" not in _texts(at)


def test_someone_new_starts_empty_and_their_save_is_theirs(monkeypatch, database_url, store, two_people):
    at = _visitor(monkeypatch, _person("cleo", "Cleo")).run()
    assert not at.dataframe
    assert any("No applications yet" in info.value for info in at.info)
    at.button(key="load-sample").click().run()
    cleo = store.for_owner(Owner(ISSUER, "cleo"), create=False)
    assert len(cleo.list_applications()) == 8
    ana, ben = two_people
    assert [a.company for a in ana.list_applications()] == ["Acme"]
    assert [a.company for a in ben.list_applications()] == ["Bolt"]
    assert store.list_applications() == []


def test_a_sign_in_that_does_not_name_the_person_is_explained(monkeypatch, database_url, two_people):
    at = _visitor(monkeypatch, {"is_logged_in": True, "email": "someone@college.example"}).run()
    assert not at.exception
    assert any("sent no issuer and subject" in error.value for error in at.error)
    assert "Acme" not in _texts(at) and "Bolt" not in _texts(at)
    assert [button.label for button in at.sidebar.button] == ["Sign out"]


def test_without_auth_the_local_app_asks_nothing(app, store):
    store.add_application(Application("Local Co", "Role"))
    app.run()
    assert [title.value for title in app.title] == ["Today"]
    assert not app.sidebar.button


def test_a_sign_in_set_up_by_half_says_so_without_details(monkeypatch, database_url):
    half = {"redirect_uri": AUTH["redirect_uri"], "cookie_secret": AUTH["cookie_secret"]}
    at = _visitor(monkeypatch, {"is_logged_in": False}, half).run()
    at.button(key="sign-in-default").click().run()
    assert not at.exception
    [error] = at.error
    assert "Sign-in is not set up completely on this site yet" in error.value
    assert "secrets" not in error.value and "client_id" not in error.value


@pytest.mark.parametrize("page", ["pages/plan.py", "pages/applications.py", "pages/debrief.py"])
def test_a_link_to_someone_elses_application_says_not_found(monkeypatch, database_url, two_people, page):
    at = _visitor(monkeypatch, _person("ben", "Ben Okafor")).run()
    at.query_params["application"] = "Acme — Data Analyst"
    at.switch_page(page).run()
    assert not at.exception
    assert any("The application in this link was not found" in w.value for w in at.warning)
    assert "Acme" not in _texts(at)


def test_a_link_to_ones_own_application_opens_it_without_a_notice(monkeypatch, database_url, two_people):
    at = _visitor(monkeypatch, _person("ana", "Ana Lima")).run()
    at.query_params["application"] = "Acme — Data Analyst"
    at.switch_page("pages/plan.py").run()
    assert not at.exception
    assert not [w for w in at.warning if "not found" in w.value]
