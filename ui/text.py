"""Show user text as text: never as markup, a link, an image or HTML."""

from __future__ import annotations

import re

# Everything Markdown, GitHub's extensions, Streamlit's colour/emoji/icon
# syntax (":red[...]", ":smile:") and LaTeX ("$") could act on.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^&\"'/@])")


def md(text: object) -> str:
    """Escape `text` so st.markdown and widget labels show it literally."""
    escaped = _SPECIAL.sub(r"\\\1", str(text))
    # A line break inside a label would start a new Markdown block.
    return escaped.replace("\r", " ").replace("\n", " ")
