"""Outcome: what to do after an offer, a rejection, a withdrawal or silence."""

import streamlit as st

from ui import session

session.ensure_router()

st.title("Outcome")
st.info(
    "Coming soon: what to do after an offer, a rejection, a withdrawal or silence. "
    "Your applications and interviews are already saved on the Applications page.",
    icon=":material/construction:",
)
