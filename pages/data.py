"""Your data: backup, restore, import and export of everything you saved."""

import streamlit as st

st.title("Your data")
st.info(
    "Coming soon: backup, restore, import and export of everything you saved. "
    "Your applications and interviews are already saved on the Applications page.",
    icon=":material/construction:",
)
