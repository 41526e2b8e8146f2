"""Back up, restore and import through the browser."""

import json

from playwright.sync_api import expect

from followup.sample import load_sample
from followup.store import Store
from tests.browser.conftest import screenshot, settle


def _open_data_page(app_server, page):
    page.goto(app_server.url)
    settle(page)
    page.get_by_test_id("stSidebarNav").get_by_text("Your data", exact=True).click()
    settle(page)


def test_download_then_restore_and_refuse_a_broken_file(app_server, page, tmp_path):
    store = Store.open(app_server.env["FOLLOWUP_DATABASE_URL"])
    load_sample(store)
    _open_data_page(app_server, page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download everything (JSON)").click()
    saved = tmp_path / "backup.json"
    download.value.save_as(saved)
    document = json.loads(saved.read_text(encoding="utf-8"))
    assert len(document["applications"]) == 8

    page.locator('input[type="file"]').first.set_input_files(str(saved))
    settle(page)
    expect(page.get_by_text("The file is a valid backup: 8 applications")).to_be_visible()
    page.get_by_text("Merge: add what is new").click()
    page.get_by_role("button", name="Import", exact=True).click()
    settle(page)
    expect(page.get_by_text("Imported 0 applications, 8 already here were skipped.")).to_be_visible()
    assert len(store.list_applications()) == 8

    document["applications"][0]["company"] = ["not", "text"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    page.locator('input[type="file"]').first.set_input_files(str(broken))
    settle(page)
    expect(page.get_by_text("Nothing was imported.")).to_be_visible()
    expect(page.get_by_text("applications[1].company")).to_be_visible()
    screenshot(page, "data-refused")
    assert len(store.list_applications()) == 8


def test_applications_from_a_spreadsheet_with_a_preview(app_server, page, tmp_path):
    sheet = tmp_path / "tracker.csv"
    sheet.write_text(
        "Company,Job Title,Status,Date Applied\nAcme,Analyst,Applied,2026-10-01\n"
        "Globex,Engineer,Rejected,2026-09-15\n,Missing,Applied,\n",
        encoding="utf-8",
    )
    _open_data_page(app_server, page)
    page.get_by_role("tab", name="Spreadsheets").click()
    page.locator('input[type="file"]').last.set_input_files(str(sheet))
    settle(page)
    expect(page.get_by_text("2 applications would be added")).to_be_visible()
    expect(page.get_by_text("1 rows will be left out")).to_be_visible()
    screenshot(page, "data-csv-preview")
    page.get_by_role("button", name="Import 2 applications").click()
    settle(page)
    store = Store.open(app_server.env["FOLLOWUP_DATABASE_URL"])
    assert sorted(a.company for a in store.list_applications()) == ["Acme", "Globex"]
