"""Backups as a careless or hostile user makes them: a real export with any JSON values put
anywhere in it, fields taken out or added, compressed or not. For hypothesis."""

from __future__ import annotations

import copy
import gzip
import json
from datetime import datetime

from hypothesis import strategies as st

from followup import backup, clock
from followup.sample import load_sample
from followup.store import Store

# The day the base documents are made and checked on: their interviews are a few weeks old.
TODAY = datetime(2026, 11, 23, 9, 0)

# Strings that have broken, or could break, something further on.
_TRICKY_TEXT = [
    "",
    " ",
    "9999-12-31",
    "0001-01-01",
    "2100-12-31",
    "1970-01-01",
    "1969-12-31",
    "2026-02-30",
    "2026-11-23T09:00:00",
    "9999-12-31T23:59:59",
    "0001-01-01T00:00:00",
    "XX",
    "US",
    "de",
    "\ud800",
    "a\x00b\x1bc\r\nBcc: x@evil.invalid",
    "x http://evil.invalid/s.png",
    "![x](http://127.0.0.9:9/i.png)",
    '=HYPERLINK("http://evil.invalid")',
    "x" * 5000,
    "planned",
    "done",
    "status_check",
    "thank_you_email",
    "outcome",
    "offer",
    "rejection",
    "phone",
    "email",
    "mail",
    "followup-1@followup",
]

_leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**7),
    st.integers(),
    st.floats(),
    st.sampled_from(_TRICKY_TEXT),
    st.text(max_size=30),
)
json_values = st.recursive(
    _leaves,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)


def _alike(value):
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(min_value=-5, max_value=2_000_000)
    if isinstance(value, str):
        return st.sampled_from(_TRICKY_TEXT) | st.text(max_size=30)
    return json_values


def base_document(applications: int) -> dict:
    """A real export of the sample with `applications` applications, as the app writes it."""
    clock.set_now(TODAY)
    try:
        store = Store.open("sqlite://")
        load_sample(store, applications)
        document = backup.export_document(store, exported_at=TODAY)
        store.close()
        return document
    finally:
        clock.set_now(None)


def _paths(node, at=()) -> list[tuple]:
    found = [at]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*at, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*at, index))
    return found


def _parent(document, path):
    node = document
    for step in path[:-1]:
        node = node[step]
    return node


@st.composite
def hostile_backup(draw, base: dict) -> bytes:
    """The bytes of `base` after one to three changes anywhere in it, perhaps compressed."""
    document = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(document) if p]
        path = draw(st.sampled_from(paths))
        parent = _parent(document, path)
        match draw(st.sampled_from(["alike", "alike", "alike", "replace", "remove", "add"])):
            case "alike":
                # A value of the same kind, which the type checks let through to the finer ones.
                parent[path[-1]] = draw(_alike(parent[path[-1]]))
            case "replace":
                parent[path[-1]] = draw(json_values)
            case "remove":
                del parent[path[-1]]
            case "add":
                if isinstance(parent, dict):
                    parent[draw(st.sampled_from(["uid", "hack", "ref", "created_at", "id"]))] = draw(
                        json_values
                    )
                else:
                    parent.append(draw(json_values))
    text = json.dumps(document)  # ASCII with escapes: lone surrogates, NaN and Infinity travel too
    data = text.encode("ascii")
    return gzip.compress(data) if draw(st.booleans()) else data
