"""Your data under AppTest: compressed backups, refusals shown as plain text, and a tracker's
CSV file read in its own encoding with its dates asked about."""

import json
from datetime import datetime

import pytest

from followup import backup, clock, spreadsheet
from followup.errors import StorageError
from followup.sample import load_sample
from followup.store import Store
from ui.text import WORD_JOINER

PAGE = "pages/data.py"


@pytest.fixture
def sample_backup(tmp_path):
    """The sample as a compressed backup, from another database."""
    clock.set_now(datetime(2026, 11, 23, 9, 0))
    try:
        source = Store.open(f"sqlite:///{tmp_path / 'source.db'}")
        load_sample(source)
        yield source, backup.export_json_gz(source)
    finally:
        clock.set_now(None)


def _open(app):
    return app.switch_page(PAGE).run()


def _button(at, label):
    return next(b for b in at.button if b.label == label)


def test_both_backups_and_the_spreadsheets_are_offered(app):
    at = _open(app)
    labels = [b.label for b in at.get("download_button")]
    assert labels == [
        "Download everything (compressed)",
        "Download everything (JSON)",
        "Download all tables (CSV, zipped)",
    ]
    assert at.file_uploader[0].allowed_type == [".json", ".gz"]


def test_a_compressed_backup_restores_with_its_calendar_ids(app, store, sample_backup):
    source, packed = sample_backup
    at = _open(app)
    at.file_uploader[0].set_value(("followup-2026-11-23.json.gz", packed, "application/gzip")).run()
    interviews, people = len(source.list_interviews()), len(source.list_interviewers())
    assert [s.value for s in at.success] == [
        f"The file is a valid backup: 8 applications, {interviews} interviews, {people} interviewers."
    ]
    _button(at, "Import").click().run()
    assert not at.exception
    assert [t.value for t in at.toast] == ["Imported 8 applications\\."]
    assert sorted(a.uid for a in store.list_actions()) == sorted(a.uid for a in source.list_actions())


def test_a_refusal_is_plain_text_whatever_the_file_holds(app, store, sample_backup):
    source, _packed = sample_backup
    document = backup.export_document(source)
    document["applications"][0]["status"] = (
        "![x](http://127.0.0.9:9/i.png) [click](http://evil.invalid) :red[x]"
    )
    at = _open(app)
    at.file_uploader[0].set_value(("b.json", json.dumps(document).encode(), "application/json")).run()
    [error] = at.error
    assert error.value.startswith("Nothing was imported\\. In applications\\[1\\]\\.status\\:")
    # Every character Markdown could act on is escaped, and the address cannot turn into a link.
    for markup in ("![", "](", ":red["):
        assert markup not in error.value
    assert f"http{WORD_JOINER}\\:" in error.value
    assert store.list_applications() == []


def test_a_date_far_out_is_refused_by_the_page_too(app, store, sample_backup):
    source, _packed = sample_backup
    document = backup.export_document(source)
    document["applications"][2]["actions"][0]["due"] = "9999-12-31"
    at = _open(app)
    at.file_uploader[0].set_value(("b.json", json.dumps(document).encode(), "application/json")).run()
    [error] = at.error
    assert "applications\\[3\\]\\.actions\\[1\\]\\.due" in error.value
    assert "outside the years 1970 to 2100" in error.value
    assert not at.button or "Import" not in [b.label for b in at.button]


CZECH = "Company;Role;Applied\r\nŤuková s.r.o.;Účetní;01/11/2026\r\nŠkoda Auto;Analytik;02/11/2026\r\n"


def test_a_windows_1250_tracker_file_shows_its_encoding_and_asks_about_its_dates(app, store):
    at = _open(app)
    at.file_uploader[1].set_value(("tracker.csv", CZECH.encode("cp1250"), "text/csv")).run()
    encoding = next(s for s in at.selectbox if s.label == "Characters read as")
    assert encoding.value == "cp1250"
    assert encoding.format_func("cp1250") == "Windows-1250 (Central Europe) (detected)"
    [question] = [r for r in at.radio if "How are its dates written" in r.label]
    assert "01\\/11\\/2026" in question.label
    assert question.value is None
    assert "Choose how the dates are written to see the preview." in [i.value for i in at.info]
    assert not [b for b in at.button if b.label.startswith("Import")]

    assert question.options == [
        "Day first: 01/11/2026 is 1 November 2026",
        "Month first: 01/11/2026 is January 11, 2026",
    ]
    question.set_value(spreadsheet.DateOrder.DAY_FIRST).run()
    assert "**Preview:** 2 applications would be added." in [m.value for m in at.markdown]
    _button(at, "Import 2 applications").click().run()
    saved = {a.company: a.created_at for a in store.list_applications()}
    assert saved == {"Ťuková s.r.o.": datetime(2026, 11, 1), "Škoda Auto": datetime(2026, 11, 2)}


def test_the_encoding_can_be_changed_when_names_read_wrong(app):
    data = "Company,Role\r\nCafé Crème,Barista\r\nLa Fourchette,Chef de partie\r\n".encode("cp1252")
    at = _open(app)
    at.file_uploader[1].set_value(("tracker.csv", data, "text/csv")).run()
    encoding = next(s for s in at.selectbox if s.label == "Characters read as")
    encoding.set_value("cp1252").run()
    rows = at.dataframe[0].value
    assert list(rows["Company"]) == ["Café Crème", "La Fourchette"]


def test_a_failed_import_says_why_and_keeps_the_file(app, store, sample_backup, monkeypatch):
    _source, packed = sample_backup

    def busy(*_args, **_kwargs):
        raise StorageError("The database is busy with another save. Nothing was lost: try again in a moment.")

    monkeypatch.setattr(Store, "add_bundles", busy)
    at = _open(app)
    at.file_uploader[0].set_value(("b.json.gz", packed, "application/gzip")).run()
    _button(at, "Import").click().run()
    assert [e.value for e in at.error] == [
        "Nothing was imported\\. The database is busy with another save\\. Nothing was lost\\: try again in a moment\\."
    ]
    assert _button(at, "Import") is not None
    monkeypatch.undo()
    _button(at, "Import").click().run()
    assert len(store.list_applications()) == 8
