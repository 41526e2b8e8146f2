"""Your data: take everything away as one file, and bring it back."""

from __future__ import annotations

from datetime import date

import streamlit as st

from followup import backup
from followup.errors import FollowupError
from ui import session
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

st.subheader("Download a backup")
try:
    export = backup.export_json(store)
except FollowupError as error:
    session.show_problem(error)
else:
    st.download_button(
        "Download everything (JSON)",
        export,
        file_name=f"followup-{date.today().isoformat()}.json",
        mime="application/json",
        icon=":material/download:",
        type="primary",
    )
    st.caption(f"{len(export) / 1024:,.0f} KB. The format is documented in docs/export-format.md.")

st.subheader("Restore from a backup")
UPLOAD_BASE = "data-upload-"
upload = st.file_uploader(
    "A followup JSON export", type=["json"], key=prefix_for(UPLOAD_BASE),
    help=f"At most {backup.MAX_BYTES // 1_000_000} MB.",
)
if upload is None:
    st.stop()

try:
    parsed = backup.parse(upload.getvalue())
except backup.ImportRefused as refusal:
    st.error(f"Nothing was imported. {refusal}", icon=":material/block:")
    st.stop()

interviews = sum(len(b.interviews) for b in parsed.bundles)
people = sum(len(p) for b in parsed.bundles for _, p in b.interviews)
st.success(
    f"The file is a valid backup: {len(parsed.bundles)} applications, {interviews} interviews, "
    f"{people} interviewers.",
    icon=":material/verified:",
)

existing = store.list_applications()
if existing:
    mode = st.radio(
        f"Your database already holds {len(existing)} applications. What should happen?",
        ["merge", "replace"],
        format_func={
            "merge": "Merge: add what is new, skip applications already here",
            "replace": "Replace: delete everything here, then restore the file (settings too)",
        }.get,
        key="data-import-mode",
    )
else:
    mode = "replace"

if mode == "replace" and existing:
    st.warning(
        "Replacing deletes every application now in the database. Download a backup first "
        "if you may want it back.",
        icon=":material/warning:",
    )

if st.button("Import", type="primary", icon=":material/upload:", key="data-import"):
    try:
        summary = backup.import_parsed(store, parsed, replace=mode == "replace")
    except FollowupError as error:
        st.error(f"Nothing was imported. {error}", icon=":material/block:")
    else:
        skipped = f", {summary.skipped} already here were skipped" if summary.skipped else ""
        session.flash(f"Imported {summary.added} applications{skipped}.")
        forget(UPLOAD_BASE)
        st.rerun()

st.caption(md(f"File: {upload.name}"))
