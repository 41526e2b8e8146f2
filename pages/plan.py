"""Follow-up plan: when to call or write, on business days, with every attempt logged."""

import streamlit as st

st.title("Follow-up plan")
st.info(
    "Coming soon: when to call or write, on business days, with every attempt logged. "
    "Your applications and interviews are already saved on the Applications page.",
    icon=":material/construction:",
)
