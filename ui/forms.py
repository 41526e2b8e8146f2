"""Form fields whose errors appear right under the field they are about."""

from __future__ import annotations

import functools
import inspect
import json
from pathlib import Path

import streamlit as st

from followup import clock
from followup.errors import FollowupError, StaleEdit
from ui import field_state
from ui.text import md


def field_error(errors: dict[str, str], field: str) -> None:
    if field in errors:
        st.markdown(f":red[:material/error: {md(errors[field])}]")


def errors_for(prefix: str) -> dict[str, str]:
    return st.session_state.get(f"{prefix}errors", {})


def set_errors(prefix: str, errors: dict[str, str]) -> None:
    st.session_state[f"{prefix}errors"] = errors


def save_checked(prefix: str, errors: dict[str, str], save, *, problem_field: str = "_form") -> bool:
    """Save only when validation found nothing; show the errors, or why the store refused, under `prefix`.

    A stale edit goes under "_stale" (see stale_choice); any other refusal under `problem_field`.
    """
    if not errors:
        try:
            save()
        except StaleEdit as error:
            errors = {"_stale": str(error)}
        except FollowupError as error:
            errors = {problem_field: str(error)}
    set_errors(prefix, errors)
    return not errors


def _generation_key(base: str) -> str:
    return f"#generation:{base}"


def prefix_for(base: str) -> str:
    """The widget-key prefix of a form; it changes each time the form is `forget`-ed."""
    return f"{base}{st.session_state.get(_generation_key(base), 0)}-"


def forget(base: str) -> None:
    """Drop a form's typed values and errors once they are saved or discarded.

    Deleting the keys alone is not enough: the browser keeps showing what was
    typed into a widget it already has. A new generation gives new widgets,
    drawn from what is stored.
    """
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(base)]:
        del st.session_state[key]
    st.session_state[_generation_key(base)] = st.session_state.get(_generation_key(base), 0) + 1


def held(key: str, default):
    """What a field kept in the session holds, else `default`: pass it as the widget's default.

    The browser draws a widget afresh at its declared default, not at what the
    session holds (after a page switch a late value overtook, say); with this as
    the default, what the user typed still shows and is what the next click sends.
    """
    return st.session_state.get(key, default)


def form_problem(prefix: str) -> None:
    """An error about the whole form (the database said no), shown above its button."""
    problem = errors_for(prefix).get("_form")
    if problem:
        st.error(md(problem), icon=":material/error:")


def opened_version(prefix: str, current_version: int) -> int:
    """The version of the record when this form was first drawn, kept until it is saved."""
    return st.session_state.setdefault(f"{prefix}opened_version", current_version)


def stale_choice(prefix: str, current_version: int, save, base: str | None = None) -> None:
    """After a conflicting save elsewhere: keep the user's text and let them choose.

    `base` is the form's key prefix without its generation (see prefix_for).
    """
    problem = errors_for(prefix).get("_stale")
    if not problem:
        return
    st.warning(md(problem), icon=":material/sync_problem:")

    def keep_mine() -> None:
        st.session_state[f"{prefix}opened_version"] = current_version
        save()

    left, right = st.columns(2)
    left.button("Save my version over theirs", key=f"{prefix}keep_mine", on_click=keep_mine)
    right.button(
        "Discard mine, show theirs", key=f"{prefix}take_theirs", on_click=forget, args=(base or prefix,)
    )


def confirm_delete(key: str, button_label: str, question: str, delete) -> None:
    """A delete button that asks first; `question` is Markdown with user text already escaped."""
    asking = f"{key}-asking"
    if not st.session_state.get(asking):
        st.button(
            button_label,
            key=key,
            icon=":material/delete:",
            on_click=st.session_state.__setitem__,
            args=(asking, True),
        )
        return
    with st.container(border=True):
        st.warning(question, icon=":material/delete_forever:")

        def confirmed() -> None:
            st.session_state.pop(asking, None)
            delete()

        left, right = st.columns(2)
        left.button("Delete for good", key=f"{key}-yes", type="primary", on_click=confirmed)
        right.button("Keep it", key=f"{key}-no", on_click=st.session_state.pop, args=(asking, None))


# -- saving one field at a time, as the user goes ------------------------------

CHANGED_ELSEWHERE = (
    "This was changed in another tab or window after you opened it, so your text was not saved. "
    "It is kept here: choose which version to keep."
)


class Autosave:
    """One field of a stored record, saved in its own transaction when the user leaves the widget.

    Draw the widget with `draw` (or pass `key`, `on_change=save` and the default
    `value` yourself) and call `feedback()` under it. What the field shows and
    what counts as an edit are decided in `ui.field_state`: the widget's default
    is always what the field shows, so a widget the browser draws afresh never
    shows an empty box, and only a value that differs from what was shown is
    saved. Text that could not be saved (a check failed, the same field changed
    elsewhere) is kept as a draft under a plain key, so it survives the widget
    not being drawn (another page, another interview); only a save or "show
    theirs" drops it.
    """

    def __init__(
        self,
        prefix: str,
        stored,
        *,
        field: str,
        load,
        save,
        section: str,
        validate=None,
        clean=None,
        show=None,
        also=None,
    ):
        """`stored` is the field's value in the record just loaded; `clean` turns the widget's
        value into the stored one, `show` the other way round; `also(record)` changes the
        record further before it is checked and saved."""
        self.prefix, self.field, self.section = prefix, field, section
        self.load, self.store, self.validate, self.also = load, save, validate, also
        self.clean = clean or (lambda value: value)
        self.show = show or (lambda value: value)
        self.key = f"{prefix}value"
        self._known = f"{prefix}known"
        shown = field_state.show(self._read(), stored)
        st.session_state[self._known] = shown.known
        # What the widget shows, also as its declared default: see ui.field_state.
        self.value = self.show(shown.value)
        if shown.push:
            st.session_state[self.key] = self.value

    def draw(self, widget, label: str, *args, **options):
        """Draw `widget` (st.text_area, st.radio, st.date_input, ...) for this field and return its value."""
        default = _default_parameter(getattr(widget, "__func__", widget))
        if default == "index":
            choices = list(args[0] if args else options["options"])
            shown = choices.index(self.value) if self.value in choices else None
        else:
            shown = self.value
        return widget(label, *args, key=self.key, on_change=self.save, **{default: shown}, **options)

    def _read(self) -> field_state.Known:
        return st.session_state.get(self._known, field_state.Known())

    def _remember(self, known: field_state.Known) -> None:
        st.session_state[self._known] = known

    def save(self) -> None:
        """The widget's callback: save what the user typed, if it is an edit."""
        self._save(self.clean(st.session_state[self.key]))

    def _save(self, value) -> None:
        for _ in range(2):
            try:
                record = self.load()
                theirs = getattr(record, self.field)
                verdict = field_state.judge(self._read(), value, theirs)
                if verdict is field_state.Verdict.REPEATED:
                    return None
                if verdict is field_state.Verdict.AS_STORED:
                    return self._settle(value, mark=False)
                if verdict is field_state.Verdict.CONFLICT:
                    return self._keep(value, {"_stale": CHANGED_ELSEWHERE})
                setattr(record, self.field, value)
                if self.also is not None:
                    self.also(record)
                problem = (self.validate(record) if self.validate else {}).get(self.field)
                if problem:
                    return self._keep(value, {self.field: problem})
                self.store(record)
            except StaleEdit:
                continue  # saved elsewhere between our read and our write: look again
            except FollowupError as error:
                return self._keep(value, {"_form": str(error)})
            return self._settle(value, mark=True)
        return self._keep(value, {"_stale": CHANGED_ELSEWHERE})

    def _settle(self, value, *, mark: bool) -> None:
        """The field now shows `value`, as stored."""
        self._remember(field_state.saved(value))
        if self.show(value) != st.session_state.get(self.key):
            st.session_state[self.key] = self.show(value)  # cleaned (trimmed): show it so
        set_errors(self.prefix, {})
        if mark:
            mark_saved(self.section)

    def _keep(self, value, errors: dict[str, str]) -> None:
        self._remember(field_state.kept(self._read(), value))
        set_errors(self.prefix, errors)

    def _theirs(self):
        try:
            return getattr(self.load(), self.field)
        except FollowupError as error:
            set_errors(self.prefix, {"_form": str(error)})
            return field_state.UNSET

    def _keep_mine(self) -> None:
        mine, theirs = self._read().draft, self._theirs()
        if mine is field_state.UNSET or theirs is field_state.UNSET:
            return
        # Mine becomes an edit of theirs; if it cannot be saved, it is kept as the draft again.
        self._remember(field_state.dropped(theirs))
        self._save(mine)

    def _take_theirs(self) -> None:
        theirs = self._theirs()
        if theirs is field_state.UNSET:
            return
        self._remember(field_state.dropped(theirs))
        st.session_state[self.key] = self.show(theirs)
        set_errors(self.prefix, {})

    def feedback(self, stored=None) -> None:
        """Under the widget: why it was not saved, and the choice after a conflict.

        The field remembers what it showed; `stored` may be passed but is not needed."""
        errors = errors_for(self.prefix)
        field_error(errors, self.field)
        form_problem(self.prefix)
        problem = errors.get("_stale")
        if not problem:
            return
        st.warning(problem, icon=":material/sync_problem:")
        left, right = st.columns(2)
        left.button("Save my version over theirs", key=f"{self.prefix}keep_mine", on_click=self._keep_mine)
        right.button("Discard mine, show theirs", key=f"{self.prefix}take_theirs", on_click=self._take_theirs)


@functools.cache
def _default_parameter(widget) -> str:
    """The name of the parameter that gives `widget` its default: `index`, `value` or `default`."""
    parameters = inspect.signature(widget).parameters
    return next(name for name in ("index", "value", "default") if name in parameters)


# Boxes of a form that saves only on its button (the new application's company and role): their
# text is kept in the tab until the button saved it, not only until the server has it, so a
# refresh before the button keeps it too.
KEPT_UNTIL_SAVED = ["journey-new-application-"]


@functools.cache
def _script(name: str) -> str:
    """One of this folder's scripts, read once per server, not on every run."""
    return Path(__file__).with_name(name).read_text(encoding="utf-8")


def _run_in_browser(key: str, script: str) -> None:
    """Put `script` (the app's own code, never user text) into the page, in a container
    that is hidden: a script draws nothing and must not push the page down."""
    st.html(f'<style>[data-testid="stLayoutWrapper"]:has(> .st-key-{key}) {{ display: none; }}</style>')
    with st.container(key=key):
        st.html(f"<script>{script}</script>", unsafe_allow_javascript=True)


def keep_unsent_text(*, after_reload: bool = True) -> None:
    """Make sure text typed into a field that saves as you go reaches the server.

    A box sends its text when it is left; until then only the browser has it,
    and a click on another page straight from the box can overtake it. The script
    (ui/unsent_text.js) holds such a click until the text is in, and keeps a copy
    of the text being typed, which it puts back and sends after a reload
    (`after_reload`) if the box still shows what it was typed on.
    """
    _run_in_browser(
        "unsent-text",
        f"window.followupRestoreAfterReload = {json.dumps(after_reload)};\n"
        f"window.followupKeptUntilSaved = {json.dumps(KEPT_UNTIL_SAVED)};\n{_script('unsent_text.js')}",
    )


def page_scripts() -> None:
    """Scripts every page runs in the browser (see their files). Every run.

    ui/announce.js has screen readers say the toasts and the status lines;
    ui/focus_in_sight.js keeps a toast from hiding the control with keyboard focus.
    """
    _run_in_browser("page-scripts", "\n".join(map(_script, ("announce.js", "focus_in_sight.js"))))


def status_line(section: str, text: str) -> None:
    """A caption that says how things stand ("Saved at 09:36"); screen readers say it when it changes."""
    with st.container(key=f"status-{section}"):
        st.caption(text)


def mark_saved(section: str) -> None:
    st.session_state[f"saved-at-{section}"] = clock.now()


def saved_note(
    section: str, waiting: str = "Saved as you go: each answer is stored when you leave the field."
) -> None:
    """Show when this section was last saved, or that it saves by itself."""
    when = st.session_state.get(f"saved-at-{section}")
    if when is None:
        status_line(f"saved-{section}", f":material/cloud_done: {waiting}")
    else:
        status_line(f"saved-{section}", f":green[:material/cloud_done: Saved at {when:%H:%M}]")
