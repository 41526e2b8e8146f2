from datetime import datetime
from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from followup.letters.checks import (
    NEAR_DUPLICATE,
    OtherLetter,
    check_placeholders,
    check_spelling,
    compare,
    known_words,
    proofread,
)
from followup.letters.compose import (
    EMAIL_KINDS,
    Draft,
    draft,
    draft_thank_you_call,
    fill_template,
    handwritten_note_planned,
    is_thank_you_call,
    split_notes,
    variant_count,
)
from followup.model import (
    Application,
    DebriefNotes,
    Formality,
    Interview,
    Interviewer,
    LetterKind,
    Settings,
)

APPLICATION = Application(company="Qwzyx Corp", role="Data Analyst", id=1)
INTERVIEW = Interview(application_id=1, starts_at=datetime(2025, 3, 4, 10, 0), id=1)
PANEL = [
    Interviewer(1, "Jane Szczepański", "Head of Analytics", "jane@qwzyx.example", id=1),
    Interviewer(1, "Tomás Ortega", "Engineering Manager", "tomas@qwzyx.example", id=2),
    Interviewer(1, "Priya Raman", "People Partner", "priya@qwzyx.example", id=3),
]
NOTES = [
    DebriefNotes(
        1,
        liked="the churn dashboard I built for the retail team",
        concerns="my limited experience with Snowflake",
        topics="moving the weekly reports to a new warehouse",
        samples="a two-page summary of the churn analysis",
    ),
    DebriefNotes(
        2,
        liked="my habit of writing tests for SQL transformations",
        topics="how analysts and engineers share support duties",
        answer_to_amend="I set up alerts that caught missing loads within an hour",
    ),
    DebriefNotes(
        3,
        liked="my reasons for moving from consulting into an in-house role",
        concerns="whether I would miss client travel",
        topics="the hybrid schedule and the Thursday office days",
    ),
]
# One phrase per interviewer that only their notes contain.
OWN_PHRASES = ["churn dashboard", "writing tests for SQL", "moving from consulting"]
SETTINGS = Settings(signature="Sam Lee\n+1 555 0199")


def thank_you_drafts() -> list[Draft]:
    return [
        draft(
            LetterKind.THANK_YOU_EMAIL,
            application=APPLICATION,
            interview=INTERVIEW,
            interviewer=person,
            notes=notes,
            settings=SETTINGS,
            variant=index,
        )
        for index, (person, notes) in enumerate(zip(PANEL, NOTES, strict=True))
    ]


def test_each_thank_you_names_and_addresses_its_recipient():
    for person, letter in zip(PANEL, thank_you_drafts(), strict=True):
        first_name = person.name.split()[0]
        assert letter.body.splitlines()[0].endswith(f" {first_name},")
        assert letter.recipient == person.email


def test_each_thank_you_uses_that_interviewers_notes_and_no_one_elses():
    letters = thank_you_drafts()
    for index, letter in enumerate(letters):
        for other, phrase in enumerate(OWN_PHRASES):
            assert (phrase in letter.body) == (index == other), (index, phrase)


def test_panel_gets_different_wordings_and_no_near_duplicates():
    letters = thank_you_drafts()
    assert len({letter.subject for letter in letters}) == 3
    for a, b in combinations(range(3), 2):
        overlap = compare(letters[a].body, letters[b].body, ignore=[PANEL[a].name, PANEL[b].name])
        assert overlap.score < NEAR_DUPLICATE / 2
    for index, letter in enumerate(letters):
        others = [OtherLetter(PANEL[j].name, letters[j].body) for j in range(3) if j != index]
        findings = proofread(
            letter.kind,
            letter.body,
            subject=letter.subject,
            application=APPLICATION,
            interviewer=PANEL[index],
            notes=NOTES[index],
            settings=SETTINGS,
            others=others,
        )
        assert not [f for f in findings if f.severity != "info"], findings


def test_copy_that_differs_only_by_name_is_flagged_with_the_shared_passages():
    jane = thank_you_drafts()[0]
    copy = jane.body.replace("Jane", "Tomás")
    findings = proofread(
        LetterKind.THANK_YOU_EMAIL,
        copy,
        application=APPLICATION,
        interviewer=PANEL[1],
        notes=NOTES[1],
        settings=SETTINGS,
        others=[OtherLetter(PANEL[0].name, jane.body)],
    )
    duplicates = [f for f in findings if f.check == "near_duplicate"]
    assert len(duplicates) == 1
    assert "Jane Szczepański" in duplicates[0].message
    assert any("churn dashboard I built for the retail team" in p for p in duplicates[0].matches)


@pytest.mark.parametrize("kind", list(LetterKind))
@pytest.mark.parametrize("formality", list(Formality))
def test_every_wording_reads_clean_with_or_without_notes(kind, formality):
    application = Application(company="Qwzyx Corp", role="Data Analyst", formality=formality)
    known = known_words(application, [p.name for p in PANEL], SETTINGS)
    for variant in range(variant_count(kind)):
        for person, notes in [(PANEL[0], NOTES[0]), (PANEL[1], None), (None, None)]:
            letter = draft(
                kind,
                application=application,
                interview=INTERVIEW,
                interviewer=person,
                notes=notes,
                settings=SETTINGS,
                variant=variant,
            )
            text = f"{letter.subject}\n{letter.body}"
            assert check_placeholders(text) == [], text
            assert [f for f in check_spelling(text, known) if f.severity == "warning"] == [], text
            assert "  " not in text and " ." not in text and " ," not in text, text


def test_sentence_needing_an_empty_note_is_dropped():
    only_liked = DebriefNotes(1, liked="the churn dashboard")
    for variant in range(variant_count(LetterKind.THANK_YOU_EMAIL)):
        letter = draft(
            LetterKind.THANK_YOU_EMAIL,
            application=APPLICATION,
            interview=INTERVIEW,
            interviewer=PANEL[0],
            notes=only_liked,
            variant=variant,
        )
        assert "the churn dashboard" in letter.body
        assert "concern" not in letter.body
        assert "attached" not in letter.body and "included" not in letter.body


def test_work_samples_are_mentioned_when_noted():
    letter = thank_you_drafts()[0]
    assert "a two-page summary of the churn analysis" in letter.body


def test_handwritten_note_is_about_something_other_than_the_email():
    notes = DebriefNotes(
        1,
        liked="the churn dashboard",
        topics="moving the weekly reports",
        rapport="our shared love of long bike rides",
    )
    split = split_notes(notes, note_planned=True)
    assert split.note == ("rapport",)
    assert set(split.email).isdisjoint(split.note)
    wants_note = Application(company="Qwzyx Corp", role="Data Analyst", handwritten_note=True)
    common = {"application": wants_note, "interview": INTERVIEW, "interviewer": PANEL[0], "notes": notes}
    email = draft(LetterKind.THANK_YOU_EMAIL, **common)
    note = draft(LetterKind.HANDWRITTEN_NOTE, **common)
    assert "long bike rides" in note.body and "long bike rides" not in email.body
    assert "churn dashboard" in email.body and "churn dashboard" not in note.body
    assert note.recipient == "Jane Szczepański" and note.subject == ""
    assert len(note.body.split()) < len(email.body.split())


def test_without_a_planned_note_the_email_uses_every_note():
    notes = DebriefNotes(1, liked="the churn dashboard", rapport="our shared love of long bike rides")
    assert split_notes(notes, note_planned=False).email == ("liked", "rapport")
    email = draft(
        LetterKind.THANK_YOU_EMAIL,
        application=APPLICATION,
        interview=INTERVIEW,
        interviewer=PANEL[0],
        notes=notes,
    )
    assert "long bike rides" in email.body and "churn dashboard" in email.body
    assert email.notes_used == ("liked", "rapport")


@pytest.mark.parametrize(
    ("application", "planned"),
    [
        (Application("Qwzyx Corp", "Data Analyst"), False),
        (Application("Qwzyx Corp", "Data Analyst", handwritten_note=True), True),
        (Application("Qwzyx Corp", "Data Analyst", formality=Formality.FORMAL), True),
    ],
)
def test_a_note_is_planned_when_the_user_opts_in_or_the_company_is_formal(application, planned):
    assert handwritten_note_planned(application) is planned
    notes = DebriefNotes(1, liked="the churn dashboard", rapport="our shared love of long bike rides")
    email = draft(LetterKind.THANK_YOU_EMAIL, application=application, interview=INTERVIEW, notes=notes)
    assert ("long bike rides" in email.body) is not planned


def test_a_single_note_stays_in_the_email():
    for planned in (True, False):
        assert split_notes(DebriefNotes(1, rapport="bike rides"), note_planned=planned).email == ("rapport",)
    assert split_notes(DebriefNotes(1, rapport="rides", samples="a deck"), note_planned=True).note == ()
    assert split_notes(None, note_planned=True) == split_notes(DebriefNotes(1), note_planned=True)


@pytest.mark.parametrize("variant", range(3))
def test_a_thank_you_call_thanks_from_the_notes_without_asking_about_the_status(variant):
    script = draft_thank_you_call(
        application=APPLICATION,
        interview=INTERVIEW,
        interviewer=Interviewer(1, "Grace Liu", phone="+1 415 555 0199"),
        notes=DebriefNotes(
            1,
            liked="that I mentor junior analysts",
            topics="team culture and hybrid work",
            answer_to_amend="I can start sooner",
        ),
        settings=SETTINGS,
        variant=variant,
    )
    assert script.kind is LetterKind.CALL_SCRIPT and script.recipient == "+1 415 555 0199"
    assert is_thank_you_call(script.kind, script.subject)
    assert not is_thank_you_call(LetterKind.CALL_SCRIPT, "")
    assert "thank" in script.body.lower() and "Grace" in script.body
    assert "status of my application" not in script.body
    assert "team culture and hybrid work" in script.body or "junior analysts" in script.body
    assert check_placeholders(script.body) == []


def test_formality_sets_greeting_and_sign_off():
    formal = Application(company="Qwzyx Corp", role="Data Analyst", formality=Formality.FORMAL)
    letter = draft(LetterKind.THANK_YOU_EMAIL, application=formal, interview=INTERVIEW, interviewer=PANEL[0])
    assert letter.body.startswith("Dear Jane Szczepański,")
    assert "\nSincerely,\n" in letter.body + "\n"
    casual = draft(
        LetterKind.THANK_YOU_EMAIL, application=APPLICATION, interview=INTERVIEW, interviewer=PANEL[0]
    )
    assert casual.body.startswith("Hi Jane,")
    doctor = Interviewer(1, "Dr. Ada Lovelace")
    assert draft(
        LetterKind.STATUS_INQUIRY, application=formal, interview=INTERVIEW, interviewer=doctor
    ).body.startswith("Dear Dr. Lovelace,")


def test_letter_without_interviewer_greets_the_team():
    letter = draft(LetterKind.WITHDRAWAL, application=APPLICATION, interview=INTERVIEW)
    assert letter.body.startswith("Hello Qwzyx Corp team,")
    assert letter.recipient == ""


@pytest.mark.parametrize("variant", range(3))
def test_kinds_say_what_they_are_for(variant):
    def body(kind):
        return draft(
            kind,
            application=APPLICATION,
            interview=INTERVIEW,
            interviewer=PANEL[0],
            settings=SETTINGS,
            variant=variant,
        ).body

    for kind in (LetterKind.STATUS_INQUIRY, LetterKind.CALL_SCRIPT, LetterKind.VOICEMAIL_SCRIPT):
        assert "status of my application" in body(kind)
    assert "no longer interested" in body(LetterKind.WITHDRAWAL)
    assert "thank" in body(LetterKind.WITHDRAWAL).lower()
    rejection = body(LetterKind.THANKS_FOR_CONSIDERATION)
    assert "back in the running" in rejection and "advice" in rejection
    assert "+1 555 0199" in body(LetterKind.VOICEMAIL_SCRIPT)


def test_status_inquiry_recalls_the_decision_date():
    interview = Interview(
        application_id=1, starts_at=INTERVIEW.starts_at, decision_by=datetime(2025, 3, 14).date()
    )
    letter = draft(
        LetterKind.STATUS_INQUIRY, application=APPLICATION, interview=interview, interviewer=PANEL[0]
    )
    assert "March 14" in letter.body
    uk = draft(
        LetterKind.STATUS_INQUIRY,
        application=APPLICATION,
        interview=interview,
        interviewer=PANEL[0],
        settings=Settings(country="GB"),
    )
    assert "14 March" in uk.body


def test_recipient_follows_the_channel():
    person = Interviewer(1, "Jane Doe", email="jane@x.example", phone="+44 20 7946 0000")
    common = {"application": APPLICATION, "interview": INTERVIEW, "interviewer": person}
    assert draft(LetterKind.STAY_IN_TOUCH, **common).recipient == "jane@x.example"
    assert draft(LetterKind.CALL_SCRIPT, **common).recipient == "+44 20 7946 0000"
    assert {k for k in LetterKind if draft(k, **common).subject} == set(EMAIL_KINDS)


def test_fill_template_cannot_reach_attributes_or_code():
    values = {"name": "Zoë", "company": "Qwzyx"}
    text = "Hi $name. ${company.__class__} {0.__class__} {company.__init__.__globals__}. $missing is gone."
    out = fill_template(text, values)
    assert out.startswith("Hi Zoë.")
    assert "<class" not in out and "function" not in out
    assert "gone" not in out


def test_user_values_are_not_treated_as_templates():
    notes = DebriefNotes(1, liked="$company and ${role} {0.__class__}")
    letter = draft(
        LetterKind.THANK_YOU_EMAIL,
        application=APPLICATION,
        interview=INTERVIEW,
        interviewer=PANEL[0],
        notes=notes,
    )
    assert "$company and ${role} {0.__class__}" in letter.body


@hypothesis_settings(max_examples=60, deadline=None)
@given(
    note=st.text(max_size=80),
    name=st.text(max_size=30),
    signature=st.text(max_size=40),
    variant=st.integers(min_value=0, max_value=10),
)
def test_any_input_drafts_without_error(note, name, signature, variant):
    notes = DebriefNotes(1, liked=note, rapport=note)
    for kind in LetterKind:
        letter = draft(
            kind,
            application=APPLICATION,
            interview=INTERVIEW,
            interviewer=Interviewer(1, name),
            notes=notes,
            settings=Settings(signature=signature),
            variant=variant,
        )
        assert letter.body.strip()


@pytest.mark.parametrize("variant", range(3))
def test_notes_jotted_about_the_interviewer_are_written_to_them(variant):
    notes = DebriefNotes(
        1, liked="her team's new reporting portal", rapport="she is training for the Chicago marathon"
    )
    letter = draft(
        LetterKind.THANK_YOU_EMAIL,
        application=APPLICATION,
        interview=INTERVIEW,
        interviewer=PANEL[0],
        notes=notes,
        settings=SETTINGS,
        variant=variant,
    )
    assert "your team's new reporting portal" in letter.body
    assert "how you are training for the Chicago marathon" in letter.body
    assert " she " not in letter.body and " her " not in letter.body
