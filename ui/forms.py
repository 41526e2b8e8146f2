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


def opened_version(prefix: str, current_version: int) -> int:
    """The version of the record when this form was first drawn, kept until it is saved."""
    return st.session_state.setdefault(f"{prefix}opened_version", current_version)


def stale_choice(prefix: str, current_version: int, save) -> None:
    """After a conflicting save elsewhere: keep the user's text and let them choose."""
    problem = errors_for(prefix).get("_stale")
    if not problem:
        return
    st.warning(problem, icon=":material/sync_problem:")

    def keep_mine() -> None:
        st.session_state[f"{prefix}opened_version"] = current_version
        save()

    left, right = st.columns(2)
    left.button("Save my version over theirs", key=f"{prefix}keep_mine", on_click=keep_mine)
    right.button("Discard mine, show theirs", key=f"{prefix}take_theirs", on_click=forget, args=(prefix,))


def confirm_delete(key: str, button_label: str, question: str, delete) -> None:
    """A delete button that asks first; `question` is Markdown with user text already escaped."""
    asking = f"{key}-asking"
    if not st.session_state.get(asking):
        st.button(button_label, key=key, icon=":material/delete:",
                  on_click=st.session_state.__setitem__, args=(asking, True))
        return
    with st.container(border=True):
        st.warning(question, icon=":material/delete_forever:")

        def confirmed() -> None:
            st.session_state.pop(asking, None)
            delete()

        left, right = st.columns(2)
        left.button("Delete for good", key=f"{key}-yes", type="primary", on_click=confirmed)
        right.button("Keep it", key=f"{key}-no", on_click=st.session_state.pop, args=(asking, None))
