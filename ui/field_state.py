"""What a field that saves as you go shows, and what a change to it does, decided in plain values.

The browser and the server can disagree about what a field shows. A text box
sends its value when it loses focus; when that is a click on another page, the
value arrives after the request for the other page, and Streamlit has by then
dropped the widgets of the page being left. The browser then draws them afresh
at their declared default, while the server believes they still show what they
showed, and hands back whatever the browser sends as a change. Another tab can
save the same field in between. So:

- the field's declared default is always what it shows (`show`): the unsaved
  draft if there is one, else the stored value. A widget drawn afresh shows the
  right text, never an empty box;
- the browser is told the value again (`push`) only when the stored value changed
  since it was last told, never on every run (that would overwrite a box being
  typed into);
- a value from the browser is an edit only if it differs from what the field
  showed (`judge`); anything else is the browser repeating what it was given,
  and is never saved;
- an edit is saved against the stored value it was made on: if that changed in
  the meantime, it is a conflict to show the user, never an overwrite;
- text that could not be saved (a check failed, a conflict) is kept as a draft
  and shown until it is saved or the user drops it.

No Streamlit here: `ui/forms.Autosave` applies these decisions to widgets.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

UNSET = object()  # no value known (a field never shown in this session, no draft)


@dataclass(frozen=True)
class Known:
    """What the session knows about one field of one stored record."""

    # The stored value the browser was last given for this field.
    shown: object = UNSET
    # What the user typed that is not saved (a check failed, or a conflict).
    draft: object = UNSET

    @property
    def on_screen(self) -> object:
        """What the field shows: the draft, else the stored value it was given."""
        return self.shown if self.draft is UNSET else self.draft


@dataclass(frozen=True)
class Shown:
    value: object  # what the widget shows, and its declared default
    push: bool  # whether the browser must be told (it was given another stored value)
    known: Known  # what to remember for the next run


def show(known: Known, stored: object) -> Shown:
    """What the field shows on this run, given what the database holds now."""
    if known.draft is not UNSET:
        if known.draft == stored:  # saved after all (another tab typed the same): no longer a draft
            return Shown(stored, False, saved(stored))
        return Shown(known.draft, False, known)
    push = known.shown is not UNSET and known.shown != stored
    return Shown(stored, push, replace(known, shown=stored))


class Verdict(enum.Enum):
    REPEATED = "the browser sent back what the field showed: not an edit, nothing to save"
    AS_STORED = "the edit matches what is stored: nothing to save, any draft is dropped"
    CONFLICT = "the stored value changed since the field showed it: keep the edit as a draft, ask"
    SAVE = "an edit to save"


def judge(known: Known, typed: object, stored_now: object) -> Verdict:
    """What a value arriving from the browser is, given what the database holds now."""
    shown = stored_now if known.shown is UNSET else known.shown
    if typed == (shown if known.draft is UNSET else known.draft):
        return Verdict.REPEATED
    if typed == stored_now:
        return Verdict.AS_STORED
    if stored_now != shown:
        return Verdict.CONFLICT
    return Verdict.SAVE


def saved(value: object) -> Known:
    """After `value` was saved: the field shows it, with no draft."""
    return Known(shown=value)


def kept(known: Known, typed: object) -> Known:
    """After an edit could not be saved: it stays on screen as a draft."""
    return replace(known, draft=typed)


def dropped(stored_now: object) -> Known:
    """The user chose the stored value over their draft."""
    return Known(shown=stored_now)
