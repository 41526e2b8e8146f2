"""Today: every application's follow-up status in one table and timeline."""

import streamlit as st

st.title("Today")
st.info(
    "Coming soon: every application's follow-up status in one table and timeline. "
    "Your applications and interviews are already saved on the Applications page.",
    icon=":material/construction:",
)
