"""Beside each debrief note: the sentence it becomes in a letter, or why it stays private."""

from __future__ import annotations

import streamlit as st

from followup.letters import capture
from followup.letters.compose import Use
from followup.model import DebriefNotes
from ui.text import md

WHERE = {
    "email": ":green[:material/mail:] In the thank-you email",
    "note": ":green[:material/edit_note:] In the handwritten note",
    "unused": ":gray[:material/more_horiz:] Kept for later: each letter makes one or two points",
}


def show(field: str, uses: list[Use], notes: DebriefNotes, *, private_prompt: bool) -> None:
    """What the letters make of this field of the notes, as they stand now."""
    if private_prompt:
        _memo(field, notes)
        return
    mine = [use for use in uses if use.point.field == field]
    if not mine:
        st.caption(":material/visibility: The sentence this note makes in your letter appears here.")
        return
    for use in mine:
        if use.where == "private":
            st.markdown(
                f":orange[:material/lock:] “{md(use.point.note)}” stays out of your letters: "
                f"it {md(use.point.private)}."
            )
            if use.point.hint:
                st.caption(md(use.point.hint))
            continue
        st.caption(WHERE[use.where])
        st.markdown(f"> {md(use.sentence)}")


def _memo(field: str, notes: DebriefNotes) -> None:
    if not getattr(notes, field).strip():
        st.caption(":material/lock: Private: for you alone. Write below what the letter should say.")
        return
    topic = capture.memo_topic(getattr(notes, field))
    answer = capture.MEMOS[field]
    if not getattr(notes, answer).strip():
        st.markdown(
            ":orange[:material/lock:] Private: this stays out of your letters until you write, below, "
            "what the letter should say about it."
        )
    else:
        st.caption(":material/lock: Private: the letter says your answer below, never this note.")
    if topic:
        st.caption(f"The letter names the subject as “{md(topic)}”.")
