"""Letters: a different thank-you letter for each interviewer, proofread and ready for your mail program."""

import streamlit as st

st.title("Letters")
st.info(
    "Coming soon: a different thank-you letter for each interviewer, proofread and ready for your mail program. "
    "Your applications and interviews are already saved on the Applications page.",
    icon=":material/construction:",
)
