import csv
import io
import zipfile
from datetime import datetime

import pytest

from followup import spreadsheet
from followup.model import Application, ApplicationBundle, Status
from followup.sample import load_sample


@pytest.mark.parametrize(
    "cell, shown",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 415", "'+1 415"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Acme", "Acme"),
        (3, 3),
    ],
)
def test_cells_a_spreadsheet_would_run_are_neutralised(cell, shown):
    assert spreadsheet.neutralise(cell) == shown


def _sheets(data: bytes) -> dict[str, list[dict]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
            for name in archive.namelist()
        }


def test_every_table_is_in_the_zip_and_formulas_are_text(store):
    load_sample(store)
    store.add_application(Application("=cmd|' /C calc'!A0", "@role", notes="+danger"))
    sheets = _sheets(spreadsheet.csv_zip(store))
    assert set(sheets) == {
        f"{n}.csv"
        for n in ("applications", "interviews", "interviewers", "debrief_notes", "letters", "actions")
    }
    assert len(sheets["applications.csv"]) == 9
    hostile = next(r for r in sheets["applications.csv"] if "calc" in r["company"])
    assert (hostile["company"], hostile["role"], hostile["notes"]) == (
        "'=cmd|' /C calc'!A0",
        "'@role",
        "'+danger",
    )
    panel = [
        r for r in sheets["interviewers.csv"] if r["name"] in ("Priya Raman", "Tomás Ortega", "Grace Liu")
    ]
    assert len(panel) >= 3


def test_a_tracker_export_is_read_and_mapped():
    data = (
        "Company;Job Title;Status;URL;Date Applied;Comments\r\n"
        "Acme;Analyst;Applied;https://acme.example/1;2026-10-01;\r\n"
        "Globex;Engineer;Rejected;;2026-09-15;nice people\r\n"
    ).encode("cp1252")
    frame = spreadsheet.read_table(data)
    mapping = spreadsheet.suggest_mapping(list(frame.columns))
    assert mapping == {
        "company": "Company",
        "role": "Job Title",
        "status": "Status",
        "job_link": "URL",
        "notes": "Comments",
        "created_at": "Date Applied",
    }
    result = spreadsheet.preview(frame, mapping, [])
    assert [(a.company, a.role, a.status) for a in result.applications] == [
        ("Acme", "Analyst", Status.ACTIVE),
        ("Globex", "Engineer", Status.REJECTED),
    ]
    assert result.applications[0].created_at == datetime(2026, 10, 1)


def test_bad_rows_are_reported_by_line_and_duplicates_skipped():
    data = b"company,role,link\nAcme,Analyst,\n,Engineer,\nAcme,analyst,\nInitech,Dev,not a link\n"
    frame = spreadsheet.read_table(data)
    existing = [Application("Globex", "Dev")]
    result = spreadsheet.preview(frame, spreadsheet.suggest_mapping(list(frame.columns)), existing)
    assert [a.company for a in result.applications] == ["Acme"]
    assert result.duplicates == 1
    assert result.problems == [
        "Line 3: Company is required.",
        "Line 5: Paste the full web address of the job ad, starting with https://",
    ]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b"company,role\n", "no rows"),
        (b"x" * (spreadsheet.MAX_BYTES + 1), "over 5 MB"),
    ],
)
def test_files_that_are_not_usable_csv_are_refused(data, message):
    with pytest.raises(spreadsheet.SpreadsheetRefused, match=message):
        spreadsheet.read_table(data)


def test_a_mapping_without_company_is_refused():
    frame = spreadsheet.read_table(b"employer,title\nAcme,Analyst\n")
    with pytest.raises(spreadsheet.SpreadsheetRefused, match="company"):
        spreadsheet.preview(frame, {"company": None, "role": "title"}, [])


def test_importing_the_preview_adds_everything_or_nothing(store):
    frame = spreadsheet.read_table(b"company,role\nAcme,Analyst\nGlobex,Engineer\n")
    result = spreadsheet.preview(frame, spreadsheet.suggest_mapping(list(frame.columns)), [])
    store.add_bundles([ApplicationBundle(a) for a in result.applications])
    assert sorted(a.company for a in store.list_applications()) == ["Acme", "Globex"]
