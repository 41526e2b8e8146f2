"""followup: the router. Every page lives in pages/; the rules live in followup/."""

from pathlib import Path

import streamlit as st

from ui import forms, session

PAGES = Path(__file__).parent / "pages"


def page(name: str, title: str, icon: str, **options) -> st.Page:
    return st.Page(PAGES / f"{name}.py", title=title, icon=f":material/{icon}:", **options)


st.set_page_config(page_title="followup", page_icon="📬", layout="wide")

navigation = st.navigation(
    {
        "After the interview": [
            page("close_interview", "1 · Close the interview", "handshake"),
            page("debrief", "2 · Debrief", "edit_note"),
            page("letters", "3 · Letters", "mail"),
            page("plan", "4 · Follow-up plan", "event_upcoming"),
            page("outcome", "5 · Outcome", "flag"),
        ],
        "Overview": [
            # The page to open every morning, and the welcome on a first visit.
            page("overview", "Today", "dashboard", default=True),
            page("applications", "Applications", "work"),
            page("data", "Your data", "database"),
        ],
    }
)
session.store()
session.demo_banner()
# A demo's refresh starts again from a fresh sample, on purpose: nothing is put back there.
forms.keep_unsent_text(after_reload=not session.demo_mode())
navigation.run()
