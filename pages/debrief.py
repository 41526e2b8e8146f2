"""Debrief: notes on each interviewer, written while the conversation is fresh."""

import streamlit as st

st.title("Debrief")
st.info(
    "Coming soon: notes on each interviewer, written while the conversation is fresh. "
    "Your applications and interviews are already saved on the Applications page.",
    icon=":material/construction:",
)
