"""Back up, restore and import through the browser."""

import gzip
import json
from pathlib import Path

from playwright.sync_api import expect

from followup import backup
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


def test_a_compressed_backup_restores_into_an_empty_database(app_server, page, tmp_path):
    source = Store.open(f"sqlite:///{tmp_path / 'source.db'}")
    load_sample(source)
    packed = tmp_path / "followup.json.gz"
    packed.write_bytes(backup.export_json_gz(source))
    _open_data_page(app_server, page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download everything (compressed)").click()
    assert download.value.suggested_filename.endswith(".json.gz")
    assert gzip.decompress(Path(download.value.path()).read_bytes()).startswith(b"{")

    page.locator('input[type="file"]').first.set_input_files(str(packed))
    settle(page)
    expect(page.get_by_text("The file is a valid backup: 8 applications")).to_be_visible()
    page.get_by_role("button", name="Import", exact=True).click()
    settle(page)
    expect(page.get_by_text("Imported 8 applications.")).to_be_visible()
    restored = Store.open(app_server.env["FOLLOWUP_DATABASE_URL"])
    assert sorted(a.uid for a in restored.list_actions()) == sorted(a.uid for a in source.list_actions())


def test_a_refusal_never_renders_what_the_file_says(app_server, page, tmp_path):
    """The message quotes the file; as plain text it cannot fetch an image or become a link."""
    source = Store.open(f"sqlite:///{tmp_path / 'source.db'}")
    load_sample(source)
    document = backup.export_document(source)
    document["applications"][0]["status"] = "![x](http://127.0.0.9:9/i.png) see http://127.0.0.9:9/l"
    crafted = tmp_path / "crafted.json"
    crafted.write_text(json.dumps(document), encoding="utf-8")
    outside = []
    page.on("request", lambda r: outside.append(r.url) if "127.0.0.9" in r.url else None)
    _open_data_page(app_server, page)
    page.locator('input[type="file"]').first.set_input_files(str(crafted))
    settle(page)
    alert = page.get_by_test_id("stAlertContainer").filter(has_text="Nothing was imported")
    expect(alert).to_be_visible()
    # Shown as typed (an invisible word joiner keeps the address from turning into a link).
    assert "![x](http://127.0.0.9:9/i.png)" in alert.inner_text().replace("\u2060", "")
    assert alert.locator("img").count() == 0 and alert.locator("a").count() == 0
    assert outside == []


def test_a_tracker_file_in_windows_1250_with_dates_asked_about(app_server, page, tmp_path):
    sheet = tmp_path / "tracker.csv"
    sheet.write_bytes("Company;Role;Applied\r\nŤuková s.r.o.;Účetní;01/11/2026\r\n".encode("cp1250"))
    _open_data_page(app_server, page)
    page.get_by_role("tab", name="Spreadsheets").click()
    page.locator('input[type="file"]').last.set_input_files(str(sheet))
    settle(page)
    encoding = page.get_by_role("combobox", name="Characters read as")
    expect(encoding).to_have_value("Windows-1250 (Central Europe) (detected)")
    expect(page.get_by_text("Choose how the dates are written to see the preview.")).to_be_visible()
    page.get_by_text("Day first: 01/11/2026 is 1 November 2026").click()
    settle(page)
    expect(page.get_by_text("1 applications would be added")).to_be_visible()
    screenshot(page, "data-csv-encoding")
    page.get_by_role("button", name="Import 1 applications").click()
    settle(page)
    store = Store.open(app_server.env["FOLLOWUP_DATABASE_URL"])
    assert [(a.company, a.created_at.date().isoformat()) for a in store.list_applications()] == [
        ("Ťuková s.r.o.", "2026-11-01")
    ]


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
