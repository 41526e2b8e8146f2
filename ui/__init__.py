"""Streamlit helpers shared by the pages. The rules live in followup/, not here."""
