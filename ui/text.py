"""Show user text as text: never as markup, a link, an image or HTML."""

from __future__ import annotations

import re

# Everything Markdown, GitHub's extensions, Streamlit's colour/emoji/icon
# syntax (":red[...]", ":smile:") and LaTeX ("$") could act on.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^&\"'/@])")
# GitHub-flavoured Markdown turns bare addresses into links after escapes are
# read ("http://…", "www.…", "name@host…", "mailto:…"), so a backslash cannot
# stop it. An invisible word joiner inside each such start breaks the pattern
# and changes nothing the reader sees.
_LINK_PARTS = re.compile(
    r"(?:(?<=https)|(?<=http)|(?<=mailto)|(?<=xmpp))(?=:)|(?<=www)(?=\.)|(?=@)", re.IGNORECASE
)
WORD_JOINER = "\u2060"


def md(text: object) -> str:
    """Escape `text` so st.markdown and widget labels show it literally, links included."""
    unlinked = _LINK_PARTS.sub(WORD_JOINER, str(text))
    escaped = _SPECIAL.sub(r"\\\1", unlinked)
    # A line break inside a label would start a new Markdown block.
    return escaped.replace("\r", " ").replace("\n", " ")
