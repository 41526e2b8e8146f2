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
    frame = spreadsheet.read_table(data).frame
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
    frame = spreadsheet.read_table(data).frame
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
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary|not a text file"),
        (b"company,role\n", "no rows"),
        (b"x" * (spreadsheet.MAX_BYTES + 1), "over 5 MB"),
    ],
)
def test_files_that_are_not_usable_csv_are_refused(data, message):
    with pytest.raises(spreadsheet.SpreadsheetRefused, match=message):
        spreadsheet.read_table(data)


def test_a_mapping_without_company_is_refused():
    frame = spreadsheet.read_table(b"employer,title\nAcme,Analyst\n").frame
    with pytest.raises(spreadsheet.SpreadsheetRefused, match="company"):
        spreadsheet.preview(frame, {"company": None, "role": "title"}, [])


def test_importing_the_preview_adds_everything_or_nothing(store):
    frame = spreadsheet.read_table(b"company,role\nAcme,Analyst\nGlobex,Engineer\n").frame
    result = spreadsheet.preview(frame, spreadsheet.suggest_mapping(list(frame.columns)), [])
    store.add_bundles([ApplicationBundle(a) for a in result.applications])
    assert sorted(a.company for a in store.list_applications()) == ["Acme", "Globex"]


# -- text encodings ----------------------------------------------------------------------

CZECH = (
    "Company,Role,Status\r\n"
    "Ťuková s.r.o.,Účetní,Applied\r\n"
    "Škoda Auto,Analytik,Rejected\r\n"
    "Česká spořitelna,Pokladní,Applied\r\n"
)


def test_a_windows_1250_file_is_read_in_windows_1250_and_says_so():
    table = spreadsheet.read_table(CZECH.encode("cp1250"))
    assert table.encoding == table.detected == "cp1250"
    assert spreadsheet.encoding_name(table.encoding) == "Windows-1250 (Central Europe)"
    assert list(table.frame["Company"]) == ["Ťuková s.r.o.", "Škoda Auto", "Česká spořitelna"]
    result = spreadsheet.preview(table.frame, spreadsheet.suggest_mapping(list(table.frame.columns)), [])
    assert [a.company for a in result.applications] == ["Ťuková s.r.o.", "Škoda Auto", "Česká spořitelna"]


def test_the_user_can_read_the_file_in_another_encoding():
    data = "Company,Role\r\nCafé Crème,Barista\r\n".encode("cp1252")
    # In Windows-1250 the byte of "è" is "č": only the user can tell which one the file means.
    assert spreadsheet.read_table(data, "cp1250").frame["Company"][0] == "Café Crčme"
    chosen = spreadsheet.read_table(data, "cp1252")
    assert chosen.frame["Company"][0] == "Café Crème"
    assert chosen.encoding == "cp1252"


def test_an_encoding_that_cannot_read_the_file_is_refused_in_words():
    with pytest.raises(spreadsheet.SpreadsheetRefused, match=r"cannot be read as UTF-8 \(Unicode\)"):
        spreadsheet.read_table(CZECH.encode("cp1250"), "utf-8")


def test_unicode_text_from_excel_is_read():
    data = "Company\tRole\r\nZoë & Søn\tDesigner\r\n".encode("utf-16")
    table = spreadsheet.read_table(data)
    assert table.encoding == "utf-16"
    assert list(table.frame.iloc[0]) == ["Zoë & Søn", "Designer"]


def test_control_characters_in_cells_are_dropped():
    data = b"company,role,notes\nAcme\x1b[2J,Analyst\x07,line one\x0b\n"
    table = spreadsheet.read_table(data)
    result = spreadsheet.preview(table.frame, spreadsheet.suggest_mapping(list(table.frame.columns)), [])
    [application] = result.applications
    assert (application.company, application.role, application.notes) == ("Acme[2J", "Analyst", "line one")


# -- dates that read two ways --------------------------------------------------------------


def _dates(*cells: str):
    rows = "".join(f"Co {n},Role,{cell}\n" for n, cell in enumerate(cells))
    frame = spreadsheet.read_table(f"company,role,date\n{rows}".encode()).frame
    return frame, spreadsheet.suggest_mapping(list(frame.columns))


@pytest.mark.parametrize(
    "cells, order",
    [
        (("01/11/2026", "02/11/2026"), spreadsheet.DateOrder.UNKNOWN),
        (("01/11/2026", "25/11/2026"), spreadsheet.DateOrder.DAY_FIRST),
        (("01.11.2026", "13.01.2026"), spreadsheet.DateOrder.DAY_FIRST),
        (("11/01/2026", "11/25/2026"), spreadsheet.DateOrder.MONTH_FIRST),
        (("25/11/2026", "11/25/2026"), spreadsheet.DateOrder.UNKNOWN),
        (("2026-11-01", "5 Nov 2026", "03/03/2026"), spreadsheet.DateOrder.NOT_NEEDED),
    ],
)
def test_the_file_tells_the_date_order_or_the_user_is_asked(cells, order):
    frame, mapping = _dates(*cells)
    assert spreadsheet.dates_in(frame, mapping) is order


def test_dates_that_read_two_ways_are_never_guessed():
    frame, mapping = _dates("01/11/2026", "02/11/2026")
    with pytest.raises(spreadsheet.SpreadsheetRefused, match="choose how your file writes them"):
        spreadsheet.preview(frame, mapping, [])
    day_first = spreadsheet.preview(frame, mapping, [], order=spreadsheet.DateOrder.DAY_FIRST)
    assert [a.created_at for a in day_first.applications] == [datetime(2026, 11, 1), datetime(2026, 11, 2)]
    month_first = spreadsheet.preview(frame, mapping, [], order=spreadsheet.DateOrder.MONTH_FIRST)
    assert [a.created_at for a in month_first.applications] == [datetime(2026, 1, 11), datetime(2026, 2, 11)]


def test_dates_in_every_common_form_and_the_ones_that_cannot_be_read():
    frame, mapping = _dates(
        "25/12/2026",
        "1/2/26 14:30",
        "2026-11-01T09:15:00",
        "2026/11/02",
        "3 Nov 2026",
        '"November 4, 2026"',
        "",
        "31/02/2026",
        "9999-12-31",
        "01/01/1969",
        "soon",
        "20261101",
    )
    result = spreadsheet.preview(frame, mapping, [])
    assert result.order is spreadsheet.DateOrder.DAY_FIRST
    by_company = {a.company: a.created_at for a in result.applications}
    assert by_company["Co 0"] == datetime(2026, 12, 25)
    assert by_company["Co 1"] == datetime(2026, 2, 1, 14, 30)
    assert by_company["Co 2"] == datetime(2026, 11, 1, 9, 15)
    assert by_company["Co 3"] == datetime(2026, 11, 2)
    assert by_company["Co 4"] == datetime(2026, 11, 3)
    assert by_company["Co 5"] == datetime(2026, 11, 4)
    assert "Co 6" in by_company  # no date: today, as if added by hand
    assert result.problems == [
        "Line 9: “31/02/2026” is not a real date.",
        "Line 10: The date 9999-12-31 is outside the years 1970 to 2100; check the year.",
        "Line 11: The date 1969-01-01 is outside the years 1970 to 2100; check the year.",
        "Line 12: “soon” is not a date we can read.",
        "Line 13: “20261101” is not a date we can read.",
    ]
