"""The event id a calendar knows a follow-up action by.

A calendar app matches an imported event to one it already holds by its UID
(RFC 5545). So each action gets its id once, when it is first saved, and keeps
it: through replans (the new plan's action takes over the id of the one it
replaces, see `identity`), through moving it by hand, and through an export and
an import into another database, which carries the id along. Database ids
change on a restore; these never do.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable

SUFFIX = "@followup"


def new_uid() -> str:
    """A fresh id, for an action saved for the first time."""
    return f"followup-{uuid.uuid4().hex}{SUFFIX}"


def identity(kind: str, interviewer_id: int | None, recipient: str, attempt: int | None) -> tuple:
    """Which follow-up of an application an action is, whatever its date: the key a replan matches on."""
    return str(kind), interviewer_id if interviewer_id is not None else recipient, attempt or None


def legacy_uid(
    application_id: int, kind: str, interviewer_id: int | None, recipient: str, attempt: int | None
) -> str:
    """The id the calendar files of schema 2 gave an action, built from database ids.

    Actions saved before ids were stored get this one, so the events already
    in a user's calendar keep matching after the upgrade.
    """
    who = interviewer_id if interviewer_id is not None else recipient
    digest = hashlib.sha256(f"{application_id}|{kind}|{who}|{attempt or ''}".encode()).hexdigest()[:20]
    return f"followup-{application_id}-{kind}-{digest}{SUFFIX}"


def derived_uid(parts: Iterable[object]) -> str:
    """An id made from what an action is, for a backup written before ids were exported.

    The same file gives the same ids however often it is imported.
    """
    text = "\x1f".join("" if part is None else str(part) for part in parts)
    return f"followup-{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}{SUFFIX}"


def distinct(uid: str, used: set[str]) -> str:
    """`uid`, or a numbered variant of it when it is taken; the result is added to `used`."""
    candidate, copy = uid, 1
    while candidate in used:
        copy += 1
        candidate = uid.replace(SUFFIX, f"-{copy}{SUFFIX}", 1) if uid.endswith(SUFFIX) else f"{uid}-{copy}"
    used.add(candidate)
    return candidate
