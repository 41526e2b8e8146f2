"""The app's error boundary: a problem becomes a plain message that says what to do.

Every page runs inside `boundary()` (see app.py). A problem the app foresaw
(a FollowupError) shows its own message; anything else shows a short apology
with a reference, and the details (the traceback) go to the server's log under
that reference. The browser never gets a traceback, a server path or an
exception's raw text. Widget callbacks run before the page, outside the
boundary: wrap those that may fail in `guarded`.

With FOLLOWUP_DEBUG set (the tests set it), problems are raised as they are,
so a test sees the exception instead of a polite message.
"""

from __future__ import annotations

import functools
import logging
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec

import streamlit as st

from followup.errors import FollowupError, StorageError
from ui.text import md

DEBUG_VARIABLE = "FOLLOWUP_DEBUG"
_PENDING = "error-boundary-pending"

P = ParamSpec("P")

log = logging.getLogger("followup")
if not log.handlers and not logging.getLogger().handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)

UNEXPECTED = (
    "Something went wrong and this page stopped here. Nothing you saved before is lost: each save "
    "is kept whole or not at all. Reload the page, or open another one from the sidebar. If it "
    "happens again, download a backup on Your data and tell us the reference {reference}."
)
DATABASE = " If the database cannot be read at all, restore your latest backup on Your data."


def debugging() -> bool:
    return bool(os.environ.get(DEBUG_VARIABLE))


def message_for(error: Exception) -> str:
    """What the user reads about `error`; an unforeseen one is logged with its reference."""
    if isinstance(error, FollowupError):
        text = str(error)
        return text + DATABASE if isinstance(error, StorageError) else text
    reference = uuid.uuid4().hex[:8]
    log.error("Unexpected problem, reference %s", reference, exc_info=error)
    return UNEXPECTED.format(reference=reference)


def show(message: str) -> None:
    """An error message as plain text: no Markdown, no link, no image."""
    st.error(md(message), icon=":material/error:")


@contextmanager
def boundary() -> Iterator[None]:
    """Run a page; a problem it raises is shown as a message instead of a traceback.

    st.stop() and st.rerun() are not Exceptions and pass through untouched.
    """
    pending = st.session_state.pop(_PENDING, None)
    if pending:
        show(pending)
    try:
        yield
    except Exception as error:
        if debugging():
            raise
        show(message_for(error))


def guarded(callback: Callable[P, object]) -> Callable[P, None]:
    """A widget callback whose problems are shown at the top of the next run, like the page's own."""

    @functools.wraps(callback)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            callback(*args, **kwargs)
        except Exception as error:
            if debugging():
                raise
            st.session_state[_PENDING] = message_for(error)

    return run
