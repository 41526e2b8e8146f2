"""Your data: take everything away as one file, bring it back, or use a spreadsheet."""

from __future__ import annotations

import streamlit as st

from followup import backup, clock, spreadsheet
from followup.errors import FollowupError
from followup.model import ApplicationBundle
from ui import session
from ui.forms import forget, prefix_for

store = session.store()
session.show_flash()
st.title("Your data")
st.write(
    "A job search lasts months. Download everything you saved (applications, interviews, "
    "business cards, notes, letters, the follow-up plan and your settings) as one file, "
    "keep it somewhere safe, and restore it here or on another computer."
)

backup_tab, spreadsheet_tab = st.tabs(["Backup and restore", "Spreadsheets"])


def _finish_import(save, form_base: str) -> None:
    """Run the import; on success say what happened and clear the upload, else keep it and explain."""
    try:
        message = save()
    except FollowupError as error:
        st.error(f"Nothing was imported. {error}", icon=":material/block:")
        return
    session.flash(message)
    forget(form_base)
    st.rerun()


def _download(label: str, build, file_name: str, mime: str, **options) -> None:
    try:
        data = build(store)
    except FollowupError as error:
        session.show_problem(error)
        return
    st.download_button(label, data, file_name=file_name, mime=mime, **options)


def _restore(upload) -> None:
    try:
        parsed = backup.parse(upload.getvalue())
    except backup.ImportRefused as refusal:
        st.error(f"Nothing was imported. {refusal}", icon=":material/block:")
        return
    interviews = sum(len(b.interviews) for b in parsed.bundles)
    people = sum(len(p) for b in parsed.bundles for _, p in b.interviews)
    st.success(
        f"The file is a valid backup: {len(parsed.bundles)} applications, {interviews} interviews, "
        f"{people} interviewers.",
        icon=":material/verified:",
    )
    existing = store.list_applications()
    mode = "replace"
    if existing:
        mode = st.radio(
            f"You already have {len(existing)} applications here. What should happen?",
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
        summary = backup.import_parsed(store, parsed, replace=mode == "replace")
        skipped = f", {summary.skipped} already here were skipped" if summary.skipped else ""
        return f"Imported {summary.added} applications{skipped}."

    if st.button("Import", type="primary", icon=":material/upload:", key="data-import"):
        _finish_import(save, UPLOAD_BASE)


with backup_tab:
    st.subheader("Download a backup")
    _download(
        "Download everything (JSON)",
        backup.export_json,
        f"followup-{clock.today().isoformat()}.json",
        "application/json",
        icon=":material/download:",
        type="primary",
    )
    st.caption("One file with everything; its format is described in docs/export-format.md.")

    st.subheader("Restore from a backup")
    UPLOAD_BASE = "data-upload-"
    upload = st.file_uploader(
        "A followup JSON export",
        type=["json"],
        key=prefix_for(UPLOAD_BASE),
        help=f"At most {backup.MAX_BYTES // 1_000_000} MB. Nothing is changed until you press Import.",
    )
    if upload is not None:
        _restore(upload)


CSV_BASE = "data-csv-"


def _csv_import(upload) -> None:
    try:
        frame = spreadsheet.read_table(upload.getvalue())
    except spreadsheet.SpreadsheetRefused as refusal:
        st.error(f"Nothing was imported. {refusal}", icon=":material/block:")
        return
    columns = list(frame.columns)
    suggested = spreadsheet.suggest_mapping(columns)
    st.write(f"{len(frame):,} rows. Match your columns to ours (Company and Role are required):")
    prefix = prefix_for(CSV_BASE)
    mapping = {}
    choices = [None, *columns]
    columns_on_screen = st.columns(2)
    for index, target in enumerate(spreadsheet.TARGETS):
        label = target.replace("_", " ").capitalize() + (" *" if target in spreadsheet.REQUIRED else "")
        mapping[target] = columns_on_screen[index % 2].selectbox(
            label,
            choices,
            index=choices.index(suggested[target]),
            format_func=lambda column: "— not in my file —" if column is None else column,
            key=f"{prefix}map-{target}",
        )
    try:
        result = spreadsheet.preview(frame, mapping, store.list_applications())
    except spreadsheet.SpreadsheetRefused as refusal:
        st.warning(str(refusal), icon=":material/table_rows:")
        return
    st.write(f"**Preview:** {len(result.applications)} applications would be added.")
    if result.duplicates:
        st.caption(f"{result.duplicates} rows match an application already here and will be skipped.")
    if result.problems:
        with st.expander(f"{len(result.problems)} rows will be left out"):
            st.text("\n".join(result.problems[:200]))
    if result.applications:
        st.dataframe(result.rows()[:200], hide_index=True)
        if st.button(f"Import {len(result.applications)} applications", type="primary", key=f"{prefix}go"):

            def save() -> str:
                store.add_bundles([ApplicationBundle(a) for a in result.applications])
                return f"Imported {len(result.applications)} applications from the spreadsheet."

            _finish_import(save, CSV_BASE)


with spreadsheet_tab:
    st.subheader("Download as spreadsheets")
    _download(
        "Download all tables (CSV, zipped)",
        spreadsheet.csv_zip,
        f"followup-{clock.today().isoformat()}-csv.zip",
        "application/zip",
        icon=":material/table_view:",
    )
    st.caption(
        "One CSV file per table; they join on their ref columns. Cells that a spreadsheet "
        "would run as a formula start with an apostrophe."
    )

    st.subheader("Bring applications from a spreadsheet or another tracker")
    csv_upload = st.file_uploader(
        "A CSV file with one application per row",
        type=["csv", "txt"],
        key=f"{prefix_for(CSV_BASE)}file",
        help=f"At most {spreadsheet.MAX_BYTES // 1_000_000} MB and {spreadsheet.MAX_ROWS:,} rows. "
        "You see a preview before anything is saved.",
    )
    if csv_upload is not None:
        _csv_import(csv_upload)
