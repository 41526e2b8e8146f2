"""A career centre's deployment: sign-in with OpenID Connect, two app servers, one PostgreSQL.

The identity provider is oidc-provider-mock on a local port; its login form
takes any subject. Behind a proxy the servers share one public address; here
each has its own (127.0.0.1 and localhost, so the browser keeps a sign-in
cookie for each), so a person signs in on each server they use, as they would
after the proxy moved them to another server.
"""

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from followup.model import Owner
from followup.store import Store
from tests.browser.conftest import screenshot, settle
from tests.browser.server import ROOT, AppServer, free_port


class IdentityProvider:
    def __init__(self, log_path: Path):
        self.port = free_port()
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "oidc_provider_mock", "--port", str(self.port)],
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the identity provider exited: {self.log_path.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/.well-known/openid-configuration", timeout=2):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the identity provider did not answer within 30 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def deployment(postgres_url, tmp_path):
    """The identity provider, and two app servers on one database: their addresses and the provider."""
    provider = IdentityProvider(tmp_path / "provider.log")
    provider.start()
    servers = [
        AppServer({"FOLLOWUP_DATABASE_URL": postgres_url}, tmp_path / f"server-{n}.log") for n in (1, 2)
    ]
    addresses = [servers[0].url, f"http://localhost:{servers[1].port}"]
    started = []
    try:
        for number, (server, address) in enumerate(zip(servers, addresses, strict=True), 1):
            secrets = tmp_path / f"secrets-{number}.toml"
            secrets.write_text(
                "[auth]\n"
                f'redirect_uri = "{address}/oauth2callback"\n'
                'cookie_secret = "a-long-random-string-only-this-test-knows-0123456789"\n'
                'client_id = "followup"\n'
                'client_secret = "followup-test-secret"\n'
                f'server_metadata_url = "{provider.url}/.well-known/openid-configuration"\n',
                encoding="utf-8",
            )
            server.extra_args = (f"--secrets.files={secrets}",)
            server.start()
            started.append(server)
        yield addresses, provider
    finally:
        for server in started:
            server.stop()
        provider.stop()


def _visitor(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    return context, page


def _sign_in(page, address: str, subject: str) -> None:
    page.goto(address)
    settle(page)
    expect(page.get_by_text("Sign in to see your applications")).to_be_visible()
    page.get_by_role("button", name="Sign in").click()
    page.locator("input[name=sub]").fill(subject)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{address}/**")
    settle(page)
    expect(page.get_by_role("heading", name="Today")).to_be_visible()


def _add(page, address: str, company: str, *, first_one: bool = True) -> None:
    page.goto(f"{address}/applications")
    settle(page)
    if not first_one:
        page.get_by_text("Add an application").click()
    page.get_by_label("Company *").first.fill(company)
    page.get_by_label("Role *").first.fill("Analyst")
    page.get_by_role("button", name="Add application").click()
    settle(page)
    expect(page.get_by_text(f"Interviews at {company}")).to_be_visible()


def _companies(page, address: str) -> list[str]:
    """The applications the person's picker offers, on a fresh visit to this server."""
    page.goto(f"{address}/applications")
    settle(page)
    expect(page.get_by_role("heading", name="Applications", exact=True)).to_be_visible()
    picker = page.get_by_label("Application", exact=True)
    expect(picker).to_be_visible()
    picker.click()
    offered = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    return sorted(offered)


def test_two_people_on_two_servers_see_only_their_own_and_a_stranger_sees_nothing(
    deployment, browser, postgres_url
):
    (first, second), provider = deployment
    ana_context, ana = _visitor(browser)
    ben_context, ben = _visitor(browser)
    stranger_context, stranger = _visitor(browser)
    try:
        for address in (first, second):
            _sign_in(ana, address, "ana")
            _sign_in(ben, address, "ben")
        expect(ana.get_by_text("No applications yet")).to_be_visible()
        screenshot(ana, "group-signed-in")

        # Each adds an application, through a different server.
        _add(ana, first, "Acme")
        _add(ben, second, "Bolt")

        # Each sees their own on both servers, and nothing of the other's.
        for address in (first, second):
            assert _companies(ana, address) == ["Acme — Analyst"]
            assert _companies(ben, address) == ["Bolt — Analyst"]
        expect(ben.get_by_text("Signed in as")).to_be_visible()
        screenshot(ben, "group-second-server")

        # A save through one server shows on the other's Today at its next rerun: its cache
        # is keyed on the person's data version in the database, not on a count in one process.
        ana.goto(second)
        settle(ana)
        expect(ana.get_by_text("1 of 1 applications")).to_be_visible()
        # Ben has saved as often as Ana, so their data versions are equal: the same server's
        # cache must still give him his own table (searched, as its cells are drawn on a canvas).
        ben.goto(second)
        settle(ben)
        ben.get_by_placeholder("Company, role, person or next step").fill("Acme")
        ben.keyboard.press("Enter")
        settle(ben)
        expect(ben.get_by_text("0 of 1 applications")).to_be_visible()
        _add(ana, first, "Acme Two", first_one=False)
        ana.goto(second)
        settle(ana)
        expect(ana.get_by_text("2 of 2 applications")).to_be_visible()
        assert _companies(ana, second) == ["Acme Two — Analyst", "Acme — Analyst"]

        # Someone else's application in the URL opens nothing of theirs.
        ben.goto(f"{second}/plan?application=Acme+%E2%80%94+Analyst")
        settle(ben)
        expect(ben.get_by_text("The application in this link was not found")).to_be_visible()
        expect(ben.get_by_text("Acme")).to_have_count(0)
        screenshot(ben, "group-link-not-found")

        # A visitor who has not signed in sees the sign-in page on every address, and nothing else.
        for address in (first, f"{second}/applications", f"{first}/data", f"{second}/plan"):
            stranger.goto(address)
            settle(stranger)
            expect(stranger.get_by_role("button", name="Sign in")).to_be_visible()
            for company in ("Acme", "Bolt"):
                expect(stranger.get_by_text(company)).to_have_count(0)
            expect(stranger.get_by_test_id("stSidebarNav")).to_have_count(0)
        screenshot(stranger, "group-signed-out")

        # Signing out ends the session at the provider too, then comes back to the sign-in page.
        ben.goto(second)
        settle(ben)
        ben.get_by_role("button", name="Sign out").click()
        ben.get_by_role("button", name="End session").click()
        ben.wait_for_url(f"{second}/**")
        settle(ben)
        expect(ben.get_by_role("button", name="Sign in")).to_be_visible()
        expect(ben.get_by_text("Bolt")).to_have_count(0)
    finally:
        for context in (ana_context, ben_context, stranger_context):
            context.close()

    # What the database holds: the two people under the provider's issuer, each with their own.
    store = Store.open(postgres_url)
    try:
        for subject, companies in (("ana", ["Acme", "Acme Two"]), ("ben", ["Bolt"])):
            person = store.for_owner(Owner(provider.url, subject), create=False)
            assert sorted(a.company for a in person.list_applications()) == companies
        assert store.list_applications() == []
    finally:
        store.close()
