"""Close the interview: the questions to ask before you leave, and a business card for every interviewer."""

import streamlit as st

st.title("Close the interview")
st.info(
    "Coming soon: the questions to ask before you leave, and a business card for every interviewer. "
    "Your applications and interviews are already saved on the Applications page.",
    icon=":material/construction:",
)
