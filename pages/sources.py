"""Sources: the articles the app's advice comes from, and where the app follows each one."""

from __future__ import annotations

import streamlit as st

from followup import guide
from ui import session

# No data here, but like every page it opens only for a visitor who may use the app.
session.store()
session.show_flash()
st.title("Sources")
st.caption(
    "followup's advice is written in our own words from five articles on following up after a job "
    "interview. Wherever the app gives a reason (on the follow-up plan, the Outcome page, in the "
    "settings), it names the articles it comes from by the short name below."
)

for source in guide.SOURCES.values():
    with st.container(border=True):
        st.markdown(f"**{source.short}**")
        st.markdown(f"*{source.title}* · {source.by}")
        st.caption(source.contributes)


def _name(key: str) -> str:
    return guide.SOURCES[key].short


st.header("Where they disagree", anchor=False)
st.markdown(
    f"- **How persistent to be.** {_name('002')} suggests calling again two days after each unanswered "
    f"call, up to ten courteous calls; *{_name('001')}* says to let it go after several weeks of "
    f"silence; *{_name('003')}* warns that calling too often turns eager into obnoxious. The plan offers "
    "three cadence profiles, never sends more than three status emails, a week apart, and closes every "
    "chase within eight weeks.\n"
    f"- **How fast to thank them.** The same day ({_name('000')}; {_name('004')}), within 24 hours "
    f"({_name('001')}; {_name('003')}), 48 hours at the latest ({_name('002')}). The plan puts the "
    "thank-you email on the day of the interview, whatever the day.\n"
    f"- **A handwritten note.** It can't be beat ({_name('001')}) and goes beyond the email "
    f"({_name('000')}); {_name('004')} says it makes you look like a dinosaur. The note is your choice, "
    "except at a formal company."
)
