"""The parts of the Letters page: one letter's editor, its checks, and how it leaves the app.

Every letter is saved as it is edited (one field at a time, see ui/forms.Autosave),
so what the checks, the mail link and the files use is always the stored text.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

import streamlit as st

from followup import answers, clock, letters, planning, validation
from followup.errors import FollowupError, StaleEdit, ValidationFailed
from followup.guide import LETTER_KIND
from followup.letters import EMAIL_KINDS, KIND_LABELS, SCRIPT_KINDS, handoff
from followup.letters.checks import Finding, OtherLetter, proofread
from followup.model import (
    Application,
    CallsWelcome,
    DebriefNotes,
    Interview,
    Interviewer,
    Letter,
    LetterKind,
    LetterStatus,
    Settings,
)
from followup.store import Store
from followup.thank_you_timing import thank_you_deadline_status
from ui import session, settings_panel
from ui.forms import Autosave, confirm_delete, saved_note
from ui.interview_picker import INTERVIEW_KEY
from ui.text import md

# One letter per person: each interviewer gets their own, never a copy (seed 003).
PER_INTERVIEWER = (LetterKind.THANK_YOU_EMAIL, LetterKind.HANDWRITTEN_NOTE, LetterKind.OFFER_THANKS)
PLAN_PAGE = "pages/plan.py"
LETTERS_PAGE = "pages/letters.py"
KIND_KEY = "letters-kind"
_OPEN_KEY = "letters-open-chosen"

_SEVERITY = {
    "error": ("Fix before sending", ":red[:material/error:]"),
    "warning": ("Worth a look", ":orange[:material/warning:]"),
    "info": ("Good to know", ":blue[:material/info:]"),
}
_DEADLINE_ICON = {
    "before_interview": ":blue[:material/schedule:]",
    "on_time": ":green[:material/timer:]",
    "within_24h": ":orange[:material/timer:]",
    "late": ":orange[:material/hourglass_bottom:]",
    "very_late": ":red[:material/hourglass_bottom:]",
}
# Room for the usual length of each kind without scrolling.
_HEIGHT = {
    LetterKind.HANDWRITTEN_NOTE: 320,
    LetterKind.CALL_SCRIPT: 320,
    LetterKind.VOICEMAIL_SCRIPT: 220,
    LetterKind.STATUS_INQUIRY: 340,
    LetterKind.WITHDRAWAL: 340,
}
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# By email, at most three status inquiries (seeds 001, 003: eager, not obnoxious).
MAX_EMAIL_INQUIRIES = 3


@dataclass
class Panel:
    """One interview with everything its letters draw on."""

    application: Application
    interview: Interview
    people: list[Interviewer]
    notes: dict[int, DebriefNotes]
    settings: Settings
    letters: list[Letter] = field(default_factory=list)

    @classmethod
    def load(cls, store: Store, application: Application, interview: Interview) -> Panel:
        people = store.list_interviewers(interview.id)
        ids = {p.id for p in people}
        return cls(
            application,
            interview,
            people,
            store.list_notes(interview.id),
            store.get_settings(),
            [letter for letter in store.list_letters(application.id) if letter.interviewer_id in ids],
        )

    def seat(self, person: Interviewer) -> int:
        """The person's position on the panel, which picks their wording."""
        return next(i for i, p in enumerate(self.people) if p.id == person.id)

    def letter(self, kind: LetterKind, person: Interviewer, *, thank_you_call: bool = False) -> Letter | None:
        """The latest letter of this kind to this person; a thank-you call and a status call differ."""
        found = [
            letter
            for letter in self.letters
            if letter.kind is kind
            and letter.interviewer_id == person.id
            and letters.is_thank_you_call(letter.kind, letter.subject) == thank_you_call
        ]
        return found[-1] if found else None

    def sent_inquiries(self, person: Interviewer) -> int:
        return sum(
            1
            for letter in self.letters
            if letter.kind is LetterKind.STATUS_INQUIRY
            and letter.interviewer_id == person.id
            and letter.status is LetterStatus.SENT
        )

    def others(self, letter: Letter, person: Interviewer) -> list[OtherLetter]:
        """What to compare a letter with: the same kind to the rest of the panel (every
        panel member is named, so a greeting to the wrong one is caught), and for a
        handwritten note the email to the same person, which it must not repeat."""
        others = []
        call = letters.is_thank_you_call(letter.kind, letter.subject)
        for other in self.people:
            if other.id == person.id:
                continue
            same = [
                o
                for o in self.letters
                if o.kind is letter.kind
                and o.interviewer_id == other.id
                and letters.is_thank_you_call(o.kind, o.subject) == call
            ]
            others.append(OtherLetter(other.name, same[-1].body if same else ""))
        if letter.kind is LetterKind.HANDWRITTEN_NOTE:
            email = self.letter(LetterKind.THANK_YOU_EMAIL, person)
            if email is not None:
                others.append(OtherLetter(person.name, email.body))
        return others


# -- choosing what to write ---------------------------------------------------


def signature_hint(settings: Settings) -> None:
    if not settings.signature.strip():
        st.info(
            "Drafts end without your name until you add it: fill in **Your name for letters and call "
            "scripts** in the settings of the follow-up plan, and your phone number for voicemails.",
            icon=":material/signature:",
        )
        if st.button(
            "Open the follow-up plan's settings", icon=":material/settings:", key="letters-open-settings"
        ):
            settings_panel.open_settings()


def dictionary_editor(store: Store, settings: Settings) -> None:
    """The words the spelling check accepts besides names, company and role; removing one saves."""
    words = sorted(set(settings.user_dictionary), key=str.casefold)
    if not words:
        return
    with st.expander(
        f"My dictionary ({len(words)} word{'s' if len(words) != 1 else ''})", icon=":material/menu_book:"
    ):
        # A new key for each list of words: a word added elsewhere must show up selected.
        key = f"letters-dictionary-{zlib.crc32(chr(10).join(words).encode())}"
        st.multiselect(
            "Words the spelling check accepts",
            words,
            default=words,
            key=key,
            on_change=_keep_words,
            args=(store, key),
            help="Remove a word to have it checked again.",
        )


def _keep_words(store: Store, key: str) -> None:
    try:
        settings = store.get_settings()
        kept = list(st.session_state[key])
        if sorted(kept) == sorted(settings.user_dictionary):
            return  # the browser sent back the list it was shown: nothing removed
        settings.user_dictionary = kept
        store.save_settings(settings)
    except FollowupError as error:
        session.flash(f"Your dictionary was not saved: {error}")


def kind_picker() -> LetterKind:
    session.keep_choice(KIND_KEY, list(LetterKind))
    kind = st.selectbox(
        "Which letter",
        list(LetterKind),
        format_func=LETTER_KIND.get,
        key=KIND_KEY,
    )
    st.caption(f":material/lightbulb: {letters.KIND_ADVICE[kind]}")
    return kind


def _recipient_key(interview_id: int, kind: LetterKind) -> str:
    return f"letters-to-{interview_id}-{kind}"


def choose_letter(interview_id: int, kind: LetterKind, person_id: int | None = None) -> None:
    """A button's callback: choose this interview and letter, and the person when it goes to one,
    then open the Letters page on the next run (see `open_chosen_letter`).

    The application is the one picked (`session.APPLICATION_KEY`), which every page shares.
    """
    st.session_state[INTERVIEW_KEY] = interview_id
    st.session_state[KIND_KEY] = kind
    if person_id is not None and kind not in PER_INTERVIEWER:
        st.session_state[_recipient_key(interview_id, kind)] = person_id
    st.session_state[_OPEN_KEY] = True


def open_chosen_letter() -> None:
    """Switch to the Letters page if a button just chose a letter; call it first thing on the page."""
    if st.session_state.pop(_OPEN_KEY, False):
        st.switch_page(LETTERS_PAGE)


def one_per_interviewer(store: Store, panel: Panel, kind: LetterKind) -> None:
    """A tab for each person on the panel, each with their own letter."""
    # Labels stay the same as letters are drafted and sent: a changed label
    # would send the user back to the first tab on the next rerun.
    labels = [md(person.name) for person in panel.people]
    for person, tab in zip(panel.people, st.tabs(labels), strict=True):
        with tab:
            _card_line(person)
            if kind is LetterKind.THANK_YOU_EMAIL and not person.email.strip():
                _thank_you_without_email(store, panel, person)
                continue
            planned = letters.handwritten_note_planned(panel.application)
            if kind is LetterKind.HANDWRITTEN_NOTE and not planned:
                st.caption(
                    "Not in your plan: this application asks for no handwritten note. Tick “I want to send "
                    "a handwritten note too” on the Applications page to plan one for everybody."
                )
            letter_section(store, panel, kind, person)


_SCRIPTS = (LetterKind.CALL_SCRIPT, LetterKind.VOICEMAIL_SCRIPT)


def to_one_person(store: Store, panel: Panel, kind: LetterKind) -> None:
    """Letters about the application as a whole go to the main contact unless the user picks someone else."""
    by_id = {p.id: p for p in panel.people}
    session.keep_choice(_recipient_key(panel.interview.id, kind), by_id)
    chosen = st.selectbox(
        "Call" if kind in _SCRIPTS else "Write to",
        list(by_id),
        format_func=lambda person_id: _person_label(by_id[person_id]),
        key=_recipient_key(panel.interview.id, kind),
        help="Your main contact is the first person on your list of interviewers: the one to ask "
        "about the status, since several people chasing one decision only irritates.",
    )
    person = by_id[chosen]
    written = [p for p in panel.people if p.id != person.id and panel.letter(kind, p)]
    if written:
        names = ", ".join(md(p.name) for p in written)
        st.caption(f"You also have a {KIND_LABELS[kind]} for {names}: pick them above to see it.")
    with st.container(border=True):
        _card_line(person)
        letter_section(store, panel, kind, person)


def _person_label(person: Interviewer) -> str:
    return f"{person.name} · {person.title}" if person.title else person.name


def _card_line(person: Interviewer) -> None:
    parts = [person.title, person.email, person.phone]
    st.caption(" · ".join(md(p) for p in parts if p.strip()) or "No details on the business card yet.")


def _thank_you_without_email(store: Store, panel: Panel, person: Interviewer) -> None:
    if panel.interview.calls_welcome is CallsWelcome.NO:
        st.info(
            f"There is no email address on {md(person.name)}’s card and calls are not welcome, so the plan "
            "has a handwritten card by post instead: choose **Handwritten note** above.",
            icon=":material/contact_mail:",
        )
        return
    st.info(
        f"There is no email address on {md(person.name)}’s card: thank them with a short phone call on the "
        "next business day, not the same day (Cohen). Here is what to say.",
        icon=":material/call:",
    )
    letter_section(store, panel, LetterKind.CALL_SCRIPT, person, thank_you_call=True)


# -- one letter -----------------------------------------------------------------


def letter_section(
    store: Store, panel: Panel, kind: LetterKind, person: Interviewer, *, thank_you_call: bool = False
) -> None:
    letter = panel.letter(kind, person, thank_you_call=thank_you_call)
    if letter is not None and letter.status is LetterStatus.SENT and kind is LetterKind.STATUS_INQUIRY:
        _next_inquiry(store, panel, person)
    if letter is None:
        label = (
            "Draft the call script"
            if thank_you_call
            else ("Draft the script" if kind in _SCRIPTS else "Draft a letter")
        )
        st.button(
            label,
            key=f"letters-draft-{kind}-{person.id}-{thank_you_call}",
            type="primary",
            icon=":material/edit:",
            on_click=_draft,
            args=(store, panel, kind, person, thank_you_call),
        )
        notes = panel.notes.get(person.id)
        if notes is None or notes.is_empty:
            st.caption(
                f"No debrief notes on {md(person.name)} yet: the draft will be general. Write down what they "
                "liked or asked about on the Debrief page and the draft will speak to them."
            )
        return
    if letter.status is LetterStatus.SENT:
        _editor(store, letter)
    else:
        editor, checks = st.columns([3, 2], gap="large")
        with editor:
            _editor(store, letter)
        with checks:
            _checks(store, panel, letter, person)
    _hand_off(store, panel, letter, person)


def _next_inquiry(store: Store, panel: Panel, person: Interviewer) -> None:
    """After a status inquiry went out, the next one, in words of its own; three by email at most."""
    sent = panel.sent_inquiries(person)
    if sent >= MAX_EMAIL_INQUIRIES:
        st.caption(
            f"You have sent {sent} status inquiries to {md(person.name)}. More would only irritate: "
            "the plan lets it rest, or closes the application politely."
        )
        return
    st.button(
        "Draft the next status inquiry",
        key=f"letters-next-inquiry-{person.id}-{sent}",
        icon=":material/edit:",
        on_click=_draft,
        args=(store, panel, LetterKind.STATUS_INQUIRY, person, False),
        help="Worded differently from the ones you sent: a second and a third inquiry never repeat the first.",
    )


def _draft(store: Store, panel: Panel, kind: LetterKind, person: Interviewer, thank_you_call: bool) -> None:
    common = {
        "application": panel.application,
        "interview": panel.interview,
        "interviewer": person,
        "notes": panel.notes.get(person.id),
        "settings": panel.settings,
        "variant": panel.seat(person),
    }
    if thank_you_call:
        drafted = letters.draft_thank_you_call(**common)
    else:
        drafted = letters.draft(kind, **common, attempt=panel.sent_inquiries(person) + 1)
    letter = Letter(
        panel.application.id,
        drafted.kind,
        recipient=drafted.recipient,
        subject=drafted.subject,
        body=drafted.body,
        interviewer_id=person.id,
    )
    try:
        store.add_letter(letter)
    except FollowupError as error:
        session.flash(f"The draft was not saved: {error}")


def _editor(store: Store, letter: Letter) -> None:
    sent = letter.status is LetterStatus.SENT
    if sent:
        st.success(f"Sent on {letter.sent_on:%A %d %B %Y}.", icon=":material/mark_email_read:")
    section = f"letter-{letter.id}"

    def field_for(name: str, widget, label: str, **options) -> None:
        saving = Autosave(
            f"{section}-{name}-",
            getattr(letter, name),
            field=name,
            load=lambda: store.get_letter(letter.id),
            save=store.update_letter,
            section=section,
            validate=_recipient_problem if name == "recipient" and letter.kind in EMAIL_KINDS else None,
            clean=str.strip if name != "body" else None,
        )
        saving.draw(widget, label, disabled=sent, **options)
        saving.feedback()

    to_label = {True: "To (email address)", False: "To"}[letter.kind in EMAIL_KINDS]
    if letter.kind in SCRIPT_KINDS:
        to_label = "Phone number"
    field_for("recipient", st.text_input, to_label, max_chars=validation.MAX_NAME)
    if letter.kind in EMAIL_KINDS:
        field_for("subject", st.text_input, "Subject", max_chars=validation.MAX_NAME)
    field_for(
        "body",
        st.text_area,
        "Script" if letter.kind in SCRIPT_KINDS else "Letter",
        height=_HEIGHT.get(letter.kind, 480),
        max_chars=validation.MAX_TEXT,
    )
    if not sent:
        saved_note(section, "Saved as you go: your edits are stored when you click outside the box.")
    if not sent and letter.kind in EMAIL_KINDS:
        st.file_uploader(
            "Work samples to attach (one or two, nothing confidential)",
            accept_multiple_files=True,
            key=_attachments_key(letter),
            help="The email draft (.eml) carries these files. A mail link cannot carry attachments.",
        )


def _attachments_key(letter: Letter) -> str:
    return f"letters-attach-{letter.id}"


def attachments(letter: Letter) -> list[handoff.Attachment]:
    """The files the user chose for this letter, kept for this session only, never stored."""
    files = st.session_state.get(_attachments_key(letter)) or []
    return [handoff.Attachment(f.name, f.getvalue(), f.type or "application/octet-stream") for f in files]


def _recipient_problem(letter: Letter) -> dict[str, str]:
    problem = validation.email_problem(letter.recipient)
    return {"recipient": problem} if problem else {}


# -- checks ------------------------------------------------------------------------


def _checks(store: Store, panel: Panel, letter: Letter, person: Interviewer) -> None:
    st.markdown("**Checks before sending**")
    if letter.kind is LetterKind.THANK_YOU_EMAIL:
        deadline = thank_you_deadline_status(panel.interview.starts_at, clock.now())
        st.markdown(f"{_DEADLINE_ICON[deadline.state]} **Timing:** {md(deadline.message)}")
    if letter.kind in (LetterKind.THANK_YOU_EMAIL, LetterKind.HANDWRITTEN_NOTE):
        # What they answered at the close of the interview, for the letter to use.
        for point in answers.letter_points(panel.interview):
            st.markdown(f":blue[:material/record_voice_over:] {md(point)}")
    findings = proofread(
        letter.kind,
        letter.body,
        subject=letter.subject,
        application=panel.application,
        interviewer=person,
        notes=panel.notes.get(person.id),
        settings=panel.settings,
        others=panel.others(letter, person),
        attachments=[a.name for a in attachments(letter)],
    )
    if not [f for f in findings if f.severity != "info"]:
        st.markdown(
            ":green[:material/check_circle:] Nothing to fix: spelling, sentences, private notes, "
            "attachments, placeholders, names, repeats and length all check out."
        )
    for severity, (heading, icon) in _SEVERITY.items():
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        st.caption(heading)
        for index, finding in enumerate(group):
            st.markdown(f"{icon} {md(finding.message)}")
            _finding_extras(store, letter, finding, f"{severity}-{index}")


def _finding_extras(store: Store, letter: Letter, finding: Finding, where: str) -> None:
    if finding.check == "spelling" and finding.matches:
        word = finding.matches[0]
        st.button(
            f"Add “{md(word)}” to my dictionary",
            key=f"letters-dictionary-{letter.id}-{where}",
            type="tertiary",
            icon=":material/library_add:",
            on_click=_add_to_dictionary,
            args=(store, word),
        )
    if finding.check == "near_duplicate" and finding.matches:
        with st.expander("The passages both letters share"):
            for passage in finding.matches:
                st.markdown(f"> {md(passage)}")


def _add_to_dictionary(store: Store, word: str) -> None:
    try:
        settings = store.get_settings()
        settings.user_dictionary = [*settings.user_dictionary, word]
        store.save_settings(settings)
    except FollowupError as error:
        session.flash(f"“{word}” was not added: {error}")
        return
    session.flash(f"Added “{word}” to your dictionary.")


# -- hand-off and record ----------------------------------------------------------------


def _hand_off(store: Store, panel: Panel, letter: Letter, person: Interviewer) -> None:
    label = KIND_LABELS[letter.kind]
    with st.container(horizontal=True, vertical_alignment="center", key=f"letters-handoff-{letter.id}"):
        if letter.kind in EMAIL_KINDS:
            _email_hand_off(letter, person, label)
        st.download_button(
            "Print version (.docx)",
            data=lambda: handoff.letter_docx(
                letter.body,
                title=f"{label} to {person.name}",
                handwritten=letter.kind is LetterKind.HANDWRITTEN_NOTE,
            ),
            file_name=handoff.file_name(label, person.name, extension="docx"),
            mime=_DOCX,
            on_click="ignore",
            icon=":material/print:",
            key=f"letters-docx-{letter.id}",
        )
    carries = "The mail link and the files carry" if letter.kind in EMAIL_KINDS else "The file carries"
    st.caption(f"{carries} the saved text: click outside the box after your last edit.")
    with st.expander("Copy the text", icon=":material/content_copy:"):
        if letter.kind in EMAIL_KINDS and letter.subject.strip():
            st.code(letter.subject, language=None, wrap_lines=True)
        st.code(letter.body, language=None, wrap_lines=True)
    if letter.status is LetterStatus.DRAFT:
        _record(store, panel, letter, person)
    else:
        _undo_record(store, letter, person)


def _undo_record(store: Store, letter: Letter, person: Interviewer) -> None:
    key = f"letters-unsend-{letter.id}"
    st.button(
        "Not sent after all: undo",
        key=key,
        icon=":material/undo:",
        on_click=_unmark_sent,
        args=(store, letter.id, person.name, key),
        help="Marked as sent by mistake? The letter becomes a draft again, the follow-up it did is planned "
        "again, and the plan follows.",
    )
    problem = st.session_state.get(f"{key}-problem")
    if problem:
        st.error(md(problem), icon=":material/error:")


def _unmark_sent(store: Store, letter_id: int, name: str, key: str) -> None:
    state = st.session_state
    state.pop(f"{key}-problem", None)
    try:
        letter = store.get_letter(letter_id)
        planning.undo_letter_sent(store, letter)
    except ValidationFailed as error:
        state[f"{key}-problem"] = "; ".join(error.errors.values())
        return
    except StaleEdit:
        state[f"{key}-problem"] = "This letter changed in another tab just now. Check it, then try again."
        return
    except FollowupError as error:
        state[f"{key}-problem"] = str(error)
        return
    session.flash(
        f"The {KIND_LABELS[letter.kind]} to {name} is a draft again, and its follow-up is planned again."
    )


def _email_hand_off(letter: Letter, person: Interviewer, label: str) -> None:
    files = attachments(letter) if letter.status is LetterStatus.DRAFT else []
    link = handoff.mailto_link(letter.recipient, letter.subject, letter.body)
    if link.url:
        st.link_button(
            "Open in my mail program", link.url, type="primary", icon=":material/forward_to_inbox:"
        )
    try:
        eml = handoff.eml_bytes(person.name, letter.recipient, letter.subject, letter.body, attachments=files)
    except ValueError:
        eml = None
    if eml is not None:
        st.download_button(
            "Email draft (.eml)",
            data=eml,
            file_name=handoff.file_name(label, person.name, extension="eml"),
            mime="message/rfc822",
            on_click="ignore",
            icon=":material/drafts:",
            key=f"letters-eml-{letter.id}",
        )
    if link.url is None:
        st.info(
            f"This letter is too long to open from a link ({link.length:,} characters; mail programs take "
            f"about {handoff.MAILTO_LIMIT:,}). Download the email draft (.eml) and open it in your mail "
            "program instead.",
            icon=":material/link_off:",
        )
    if files and link.url:
        names = ", ".join(md(f.name) for f in files)
        st.caption(
            f":material/attach_file: A mail link cannot carry attachments: attach {names} in your mail "
            "program after it opens, or use the email draft (.eml), which carries them."
        )
    if eml is None:
        st.warning(
            "The “To” line is not an email address, so there is no email draft. Correct it above.",
            icon=":material/alternate_email:",
        )
    elif not letter.recipient.strip():
        st.caption("No address on the “To” line: you will fill it in in your mail program.")


def _record(store: Store, panel: Panel, letter: Letter, person: Interviewer) -> None:
    key = f"letters-sent-{letter.id}"
    if letter.kind in SCRIPT_KINDS:
        st.page_link(
            PLAN_PAGE,
            label="After the call, log what happened on the follow-up plan",
            icon=":material/call_log:",
        )
        return
    first_day = panel.interview.starts_at.date()
    if first_day > clock.today():
        st.caption("You can mark it as sent once the interview has taken place.")
        return
    with st.container(horizontal=True, vertical_alignment="bottom", key=f"{key}-row"):
        st.date_input(
            "Sent on",
            value=clock.today(),
            min_value=first_day,
            max_value=clock.today(),
            key=f"{key}-on",
            format="YYYY-MM-DD",
            width=180,
        )
        st.button(
            "Mark as sent",
            key=key,
            icon=":material/send:",
            on_click=_mark_sent,
            args=(store, letter.id, person.name, key),
        )
    problem = st.session_state.get(f"{key}-problem")
    if problem:
        st.error(md(problem), icon=":material/error:")
    confirm_delete(
        f"letters-delete-{letter.id}",
        "Delete this draft…",
        f"Delete the {KIND_LABELS[letter.kind]} to **{md(person.name)}**? Your edits to it are lost; "
        "you can draft a new one from your notes.",
        lambda: _delete(store, letter.id),
    )


def _delete(store: Store, letter_id: int) -> None:
    try:
        store.delete_letter(letter_id)
    except FollowupError as error:
        session.flash(f"The draft was not deleted: {error}")


def _mark_sent(store: Store, letter_id: int, name: str, key: str) -> None:
    state = st.session_state
    state.pop(f"{key}-problem", None)
    try:
        # Read again: the last edit was saved a moment ago, under a newer version.
        letter = store.get_letter(letter_id)
        planning.mark_letter_sent(store, letter, state.get(f"{key}-on") or clock.today())
    except ValidationFailed as error:
        state[f"{key}-problem"] = "; ".join(error.errors.values())
        return
    except StaleEdit:
        state[f"{key}-problem"] = "This letter changed in another tab just now. Check it, then mark it again."
        return
    except FollowupError as error:
        state[f"{key}-problem"] = str(error)
        return
    session.flash(
        f"Marked the {KIND_LABELS[letter.kind]} to {name} as sent. Your follow-up plan has moved on."
    )
