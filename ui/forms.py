"""Form fields whose errors appear right under the field they are about."""

from __future__ import annotations

import streamlit as st

from ui.text import md


def field_error(errors: dict[str, str], field: str) -> None:
    if field in errors:
        st.markdown(f":red[:material/error: {md(errors[field])}]")


def errors_for(prefix: str) -> dict[str, str]:
    return st.session_state.get(f"{prefix}errors", {})


def set_errors(prefix: str, errors: dict[str, str]) -> None:
    st.session_state[f"{prefix}errors"] = errors


def forget(prefix: str) -> None:
    """Drop a form's typed values and errors once they are safely saved."""
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]:
        del st.session_state[key]


def form_problem(prefix: str) -> None:
    """An error about the whole form (the database said no), shown above its button."""
    problem = errors_for(prefix).get("_form")
    if problem:
        st.error(problem, icon=":material/error:")
