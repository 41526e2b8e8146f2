"""Your data: take everything away as one file, bring it back, or use a spreadsheet."""

from __future__ import annotations

import streamlit as st

from followup import backup, clock, spreadsheet
from followup.errors import FollowupError
from followup.model import ApplicationBundle
from ui import errors, session, welcome
from ui.forms import forget, prefix_for
from ui.text import md

store = session.store()
session.show_flash()
st.title("Your data")
st.write(
    "A job search lasts months. Download everything you saved (applications, interviews, "
    "business cards, notes, letters, the follow-up plan and your settings) as one file, "
    "keep it somewhere safe, and restore it here or on another computer."
)

backup_tab, spreadsheet_tab = st.tabs(["Backup and restore", "Spreadsheets"])
UPLOAD_BASE = "data-upload-"
CSV_BASE = "data-csv-"
_PARSED = f"{UPLOAD_BASE}parsed"
UPLOAD_LIMIT_MB = st.get_option("server.maxUploadSize")


def _refused(reason: FollowupError | str) -> None:
    errors.show(f"Nothing was imported. {reason}")


@errors.guarded
def _import(save, form_base: str) -> None:
    """Run the import (a button's callback); on success say what happened and clear the upload,
    else keep the upload and say why, where the button is."""
    try:
        message = save()
    except FollowupError as error:
        st.session_state[f"{form_base}problem"] = str(error)
        return
    session.flash(message)
    forget(form_base)


def _import_button(label: str, save, form_base: str, key: str, **options) -> None:
    problem = st.session_state.pop(f"{form_base}problem", None)
    if problem:
        _refused(problem)
    st.button(label, type="primary", key=key, on_click=_import, args=(save, form_base), **options)


def _download(label: str, build, file_name: str, mime: str, **options) -> None:
    """A download made when it is clicked, not on every run: a large backup takes seconds to write."""
    st.download_button(
        label, data=lambda: build(store), file_name=file_name, mime=mime, on_click="ignore", **options
    )


def _parsed(upload) -> backup.Parsed:
    """The checked backup, read once per uploaded file rather than on every click on this page."""
    kept = st.session_state.get(_PARSED)
    if kept is None or kept[0] != upload.file_id:
        kept = (upload.file_id, backup.parse(upload.getvalue()))
        st.session_state[_PARSED] = kept
    return kept[1]


def _restore(upload) -> None:
    try:
        parsed = _parsed(upload)
    except backup.ImportRefused as refusal:
        _refused(refusal)
        return
    interviews = sum(len(b.interviews) for b in parsed.bundles)
    people = sum(len(p) for b in parsed.bundles for _, p in b.interviews)
    st.success(
        f"The file is a valid backup: {len(parsed.bundles):,} applications, {interviews:,} interviews, "
        f"{people:,} interviewers.",
        icon=":material/verified:",
    )
    existing = store.list_applications()
    mode = "replace"
    if existing:
        mode = st.radio(
            f"Your database already holds {len(existing):,} applications. What should happen?",
            ["merge", "replace"],
            format_func={
                "merge": "Merge: add what is new, skip applications already here",
                "replace": "Replace: delete everything here, then restore the file (settings too)",
            }.get,
            key="data-import-mode",
        )
        if mode == "replace":
            st.warning(
                "Replacing deletes every application you have here now. Download a backup first "
                "if you may want it back.",
                icon=":material/warning:",
            )

    def save() -> str:
        # Saving fills in the records' new ids: a second try must start from the file again.
        st.session_state.pop(_PARSED, None)
        summary = backup.import_parsed(store, parsed, replace=mode == "replace")
        skipped = f", {summary.skipped:,} already here were skipped" if summary.skipped else ""
        return f"Imported {summary.added:,} applications{skipped}."

    _import_button("Import", save, UPLOAD_BASE, "data-import", icon=":material/upload:")


with backup_tab:
    st.header("Download a backup")
    today = clock.today().isoformat()
    with st.container(horizontal=True):
        _download(
            "Download everything (compressed)",
            backup.export_json_gz,
            f"followup-{today}.json.gz",
            "application/gzip",
            icon=":material/download:",
            type="primary",
        )
        _download(
            "Download everything (JSON)",
            backup.export_json,
            f"followup-{today}.json",
            "application/json",
            icon=":material/data_object:",
        )
    st.caption(
        "The compressed file (.json.gz) holds the same as the JSON one in about a seventeenth of the "
        f"space, and restores here whatever its size; a JSON file restores here up to {UPLOAD_LIMIT_MB} MB. "
        "Either one restores into followup on any computer."
    )

    st.header("Restore from a backup")
    upload = st.file_uploader(
        "A followup backup (.json or .json.gz)",
        type=["json", "gz"],
        key=prefix_for(UPLOAD_BASE),
        help=f"At most {UPLOAD_LIMIT_MB} MB. Nothing is changed until you press Import.",
    )
    if upload is not None:
        _restore(upload)
    else:
        st.session_state.pop(_PARSED, None)


def _encoding_choice(upload, detected: str, prefix: str) -> str:
    """The encoding to read the file in: the detected one unless the user picks another."""
    choices = list(dict.fromkeys([detected, *spreadsheet.ENCODINGS]))
    return st.selectbox(
        "Characters read as",
        choices,
        index=0,
        format_func=lambda name: (
            spreadsheet.encoding_name(name) + (" (detected)" if name == detected else "")
        ),
        key=f"{prefix}encoding-{upload.file_id}",
        help="If names in the preview look wrong (Ã©, Å¥ or ? where letters should be), "
        "choose the encoding the program that wrote the file uses.",
    )


def _date_order_choice(frame, mapping, prefix: str) -> spreadsheet.DateOrder | None:
    """How the file writes dates: read from the file when it tells, else asked (None until answered)."""
    found = spreadsheet.dates_in(frame, mapping)
    if found is spreadsheet.DateOrder.DAY_FIRST:
        st.caption("Dates are read day first (25/12/2026 is 25 December 2026), as the file writes them.")
    elif found is spreadsheet.DateOrder.MONTH_FIRST:
        st.caption("Dates are read month first (12/25/2026 is December 25, 2026), as the file writes them.")
    if found is not spreadsheet.DateOrder.UNKNOWN:
        return found
    two_ways = (v.strip() for v in frame[mapping["created_at"]] if spreadsheet.date_order([v]) is found)
    example = next(two_ways, "01/11/2026")
    return st.radio(
        f"Your file writes dates such as “{md(example)}”, which reads two ways. How are its dates written?",
        [spreadsheet.DateOrder.DAY_FIRST, spreadsheet.DateOrder.MONTH_FIRST],
        index=None,
        format_func={
            spreadsheet.DateOrder.DAY_FIRST: "Day first: 01/11/2026 is 1 November 2026",
            spreadsheet.DateOrder.MONTH_FIRST: "Month first: 01/11/2026 is January 11, 2026",
        }.get,
        key=f"{prefix}date-order",
    )


def _csv_import(upload) -> None:
    prefix = prefix_for(CSV_BASE)
    data = upload.getvalue()
    try:
        detected = spreadsheet.detect_encoding(data)
        encoding = _encoding_choice(upload, detected, prefix)
        table = spreadsheet.read_table(data, encoding)
    except spreadsheet.SpreadsheetRefused as refusal:
        _refused(refusal)
        return
    frame = table.frame
    columns = list(frame.columns)
    suggested = spreadsheet.suggest_mapping(columns)
    st.write(f"{len(frame):,} rows. Match your columns to ours (Company and Role are required):")
    mapping = {}
    choices = [None, *columns]
    columns_on_screen = st.columns(2)
    for index, target in enumerate(spreadsheet.TARGETS):
        label = target.replace("_", " ").capitalize() + (" \\*" if target in spreadsheet.REQUIRED else "")
        mapping[target] = columns_on_screen[index % 2].selectbox(
            label,
            choices,
            index=choices.index(suggested[target]),
            format_func=lambda column: "— not in my file —" if column is None else column,
            key=f"{prefix}map-{target}",
        )
    if not all(mapping.get(target) for target in spreadsheet.REQUIRED):
        missing = [target for target in spreadsheet.REQUIRED if not mapping.get(target)]
        st.warning(f"Choose the column that holds: {', '.join(missing)}.", icon=":material/table_rows:")
        return
    order = _date_order_choice(frame, mapping, prefix)
    if order is None:
        st.info("Choose how the dates are written to see the preview.", icon=":material/calendar_month:")
        return
    try:
        result = spreadsheet.preview(frame, mapping, store.list_applications(), order=order)
    except spreadsheet.SpreadsheetRefused as refusal:
        st.warning(md(str(refusal)), icon=":material/table_rows:")
        return
    st.write(f"**Preview:** {len(result.applications):,} applications would be added.")
    if result.duplicates:
        st.caption(f"{result.duplicates:,} rows match an application already here and will be skipped.")
    if result.problems:
        with st.expander(f"{len(result.problems):,} rows will be left out"):
            st.text("\n".join(result.problems[:200]))
    if result.applications:
        st.dataframe(result.rows()[:200], hide_index=True)

        def save() -> str:
            store.add_bundles([ApplicationBundle(a) for a in result.applications])
            return f"Imported {len(result.applications):,} applications from the spreadsheet."

        _import_button(f"Import {len(result.applications):,} applications", save, CSV_BASE, f"{prefix}go")


with spreadsheet_tab:
    st.header("Download as spreadsheets")
    _download(
        "Download all tables (CSV, zipped)",
        spreadsheet.csv_zip,
        f"followup-{clock.today().isoformat()}-csv.zip",
        "application/zip",
        icon=":material/table_view:",
    )
    st.caption(
        "A zip of spreadsheet files: one for applications, one for interviews, one for the people you "
        "met, and so on; a number in each row links it to the row it belongs to (an interview to its "
        "application, a person to their interview). Anything a "
        "spreadsheet would run as a formula starts with an apostrophe, so it shows as plain text."
    )

    st.header("Bring applications from a spreadsheet or another tracker")
    csv_upload = st.file_uploader(
        "A CSV file with one application per row",
        type=["csv", "txt"],
        key=f"{prefix_for(CSV_BASE)}file",
        help=f"At most {spreadsheet.MAX_BYTES // 1_000_000} MB and {spreadsheet.MAX_ROWS:,} rows. "
        "You see a preview before anything is saved.",
    )
    if csv_upload is not None:
        _csv_import(csv_upload)


if session.touring_sample() or store.has_applications():
    st.header("The sample")
    if session.touring_sample():
        st.caption(
            "You are looking around the sample: these downloads and imports are the sample's, not yours."
        )
    else:
        st.caption(
            "To see what followup does at every stage, open eight sample applications in a private copy "
            "of their own. They never mix with your applications."
        )
        welcome.sample_tour_button()
