"""Filling a wording's ``$name`` slots, safely.

Templates are filled with :class:`string.Template` from a mapping of plain
strings: a template can name a value but cannot reach attributes or run code,
which keeps :func:`fill_template` safe for templates the user writes. A
sentence that needs a value the letter does not have is dropped whole, so a
draft never carries an empty slot or a placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from string import Template


def fill_template(text: str, values: Mapping[str, str]) -> str:
    """Fill ``$name`` slots from ``values``, dropping each sentence that names an
    empty or unknown value. Safe for user-written templates: only plain names
    are looked up, never attributes or expressions.
    """
    lines: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            lines.append("")
            continue
        sentences = re.split(r"(?<=[.!?])\s+", line.strip())
        kept = [s for s in sentences if all(values.get(n, "").strip() for n in Template(s).get_identifiers())]
        if kept:
            lines.append(Template(" ".join(kept)).safe_substitute(values))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
