"""A short history as lines of words: readable on a phone, where a table would be cut off on the right."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import streamlit as st

from ui.text import md


def history(entries: Iterable[tuple[date | None, Iterable[object]]]) -> None:
    """One line per entry: its day in bold, then each part that says something, separated by dots."""
    lines = []
    for day, parts in entries:
        said = " · ".join(md(part) for part in parts if part is not None and str(part).strip())
        when = f"**{day:%a %d %b %Y}**" if day is not None else "**Undated**"
        lines.append(f"- {when} · {said}" if said else f"- {when}")
    st.markdown("\n".join(lines))
