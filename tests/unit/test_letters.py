from datetime import date, datetime
from itertools import combinations

import pytest
from hypothesis import example, given
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
    WORDING_COUNT,
    Draft,
    choose,
    draft,
    draft_thank_you_call,
    handwritten_note_planned,
    is_thank_you_call,
    variant,
)
from followup.letters.template import fill_template
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
        concern_answer="I have since finished the Snowflake data engineering course.",
        topics="moving the weekly reports to a new warehouse",
        samples="a two-page summary of the churn analysis",
    ),
    DebriefNotes(
        2,
        liked="my habit of writing tests for SQL transformations",
        topics="how analysts and engineers share support duties",
        amended_answer="I set up alerts that caught missing loads within an hour",
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


def test_seats_share_at_most_a_part_however_large_the_panel():
    parts = 6
    combos = [tuple(variant(seat, part) for part in range(parts)) for seat in range(3 * WORDING_COUNT)]
    for a, b in combinations(range(len(combos)), 2):
        shared = sum(x == y for x, y in zip(combos[a], combos[b], strict=True))
        assert shared <= 2, (a, b)
    assert [variant(seat, 0) for seat in range(WORDING_COUNT)] == list(range(WORDING_COUNT))


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
    for seat in range(WORDING_COUNT + 2):
        for attempt in (1, 2, 3):
            for person, notes in [(PANEL[0], NOTES[0]), (PANEL[1], None), (None, None)]:
                letter = draft(
                    kind,
                    application=application,
                    interview=INTERVIEW,
                    interviewer=person,
                    notes=notes,
                    settings=SETTINGS,
                    variant=seat,
                    attempt=attempt,
                )
                text = f"{letter.subject}\n{letter.body}"
                assert check_placeholders(text) == [], text
                assert [f for f in check_spelling(text, known) if f.severity == "warning"] == [], text
                assert "  " not in text and " ." not in text and " ," not in text, text


def test_a_letter_says_one_or_two_points_and_leaves_out_what_is_private():
    notes = DebriefNotes(
        1,
        liked="the churn dashboard",
        topics="month-end close",
        concerns="asked twice about my notice period",
        to_stress="look up their new ERP; stress my SAP work",
        rapport="she is training for the Chicago marathon",
        answer_to_amend="salary question - lowballed myself",
    )
    for seat in range(WORDING_COUNT):
        letter = draft(
            LetterKind.THANK_YOU_EMAIL,
            application=APPLICATION,
            interview=INTERVIEW,
            interviewer=PANEL[0],
            notes=notes,
            variant=seat,
        )
        assert len(letter.points) == 2
        for private in ("notice period", "asked twice", "ERP", "salary", "lowballed", "attached"):
            assert private not in letter.body, (private, letter.body)


def test_an_answered_concern_is_said_with_its_answer_and_a_corrected_answer_as_the_correction():
    notes = DebriefNotes(
        1,
        concerns="asked twice about my notice period",
        concern_answer="can start within four weeks if needed",
        answer_to_amend="blanked on the forecasting question",
        amended_answer="I built the store-level demand forecast in Prophet myself",
    )
    letter = draft(
        LetterKind.THANK_YOU_EMAIL,
        application=APPLICATION,
        interview=INTERVIEW,
        interviewer=PANEL[0],
        notes=notes,
    )
    assert "I can start within four weeks if needed." in letter.body
    assert "my notice period" in letter.body and "twice" not in letter.body
    assert (
        "On the forecasting question, I would add that I built the store-level demand forecast" in letter.body
    )
    assert "blanked" not in letter.body


def test_work_samples_are_offered_never_claimed_as_attached():
    letter = thank_you_drafts()[0]
    assert "a two-page summary of the churn analysis" in letter.body
    assert "attach" not in letter.body and "enclosed" not in letter.body
    linked = draft(
        LetterKind.THANK_YOU_EMAIL,
        application=APPLICATION,
        interview=INTERVIEW,
        interviewer=PANEL[0],
        notes=DebriefNotes(1, liked="the churn dashboard", samples="https://sam.example/churn"),
    )
    assert "https://sam.example/churn" in linked.body


def test_handwritten_note_is_about_something_other_than_the_email():
    notes = DebriefNotes(
        1,
        liked="the churn dashboard",
        topics="moving the weekly reports",
        rapport="our shared love of long bike rides",
    )
    wants_note = Application(company="Qwzyx Corp", role="Data Analyst", handwritten_note=True)
    assert choose(notes, note_planned=True).note[0].field == "rapport"
    common = {"application": wants_note, "interview": INTERVIEW, "interviewer": PANEL[0], "notes": notes}
    email = draft(LetterKind.THANK_YOU_EMAIL, **common)
    note = draft(LetterKind.HANDWRITTEN_NOTE, **common)
    assert "long bike rides" in note.body and "long bike rides" not in email.body
    assert "churn dashboard" in email.body and "churn dashboard" not in note.body
    assert note.recipient == "Jane Szczepański" and note.subject == ""
    assert len(note.body.split()) < len(email.body.split())


def test_a_single_point_goes_into_both_letters():
    notes = DebriefNotes(1, rapport="our shared love of long bike rides")
    choice = choose(notes, note_planned=True)
    assert [p.field for p in choice.email] == ["rapport"]
    assert [p.field for p in choice.note] == ["rapport"]
    assert choose(None, note_planned=True) == choose(DebriefNotes(1), note_planned=True)


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


@pytest.mark.parametrize("seat", range(3))
def test_a_thank_you_call_thanks_from_the_notes_without_asking_about_the_status(seat):
    script = draft_thank_you_call(
        application=APPLICATION,
        interview=INTERVIEW,
        interviewer=Interviewer(1, "Grace Liu", phone="+1 415 555 0199"),
        notes=DebriefNotes(1, liked="that I mentor junior analysts", topics="team culture and hybrid work"),
        settings=SETTINGS,
        variant=seat,
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


@pytest.mark.parametrize(
    ("person", "formal", "casual"),
    [
        (Interviewer(1, "Priya Raman", salutation="Ms."), "Dear Ms. Raman,", "Hi Priya,"),
        (Interviewer(1, "Dr. Amina Yusuf"), "Dear Dr. Yusuf,", "Hi Amina,"),
        (Interviewer(1, "Amina Yusuf", salutation="dr."), "Dear Dr. Yusuf,", "Hi Amina,"),
        (Interviewer(1, "Dr. Lovelace"), "Dear Dr. Lovelace,", "Hi Dr. Lovelace,"),
        (Interviewer(1, "Sam Ito"), "Dear Sam Ito,", "Hi Sam,"),
    ],
)
def test_a_salutation_on_the_card_makes_the_formal_greeting(person, formal, casual):
    for formality, greeting in ((Formality.FORMAL, formal), (Formality.CASUAL, casual)):
        application = Application(company="Qwzyx Corp", role="Data Analyst", formality=formality)
        for kind in (LetterKind.THANK_YOU_EMAIL, LetterKind.STATUS_INQUIRY):
            letter = draft(kind, application=application, interview=INTERVIEW, interviewer=person)
            assert letter.body.splitlines()[0] == greeting


def test_letter_without_interviewer_greets_the_team():
    letter = draft(LetterKind.WITHDRAWAL, application=APPLICATION, interview=INTERVIEW)
    assert letter.body.startswith("Hello Qwzyx Corp team,")
    assert letter.recipient == ""


@pytest.mark.parametrize("seat", range(WORDING_COUNT))
def test_kinds_say_what_they_are_for(seat):
    def body(kind):
        return draft(
            kind,
            application=APPLICATION,
            interview=INTERVIEW,
            interviewer=PANEL[0],
            settings=SETTINGS,
            variant=seat,
        ).body

    for kind in (LetterKind.STATUS_INQUIRY, LetterKind.CALL_SCRIPT, LetterKind.VOICEMAIL_SCRIPT):
        assert "status of my application" in body(kind)
    assert "no longer interested" in body(LetterKind.WITHDRAWAL)
    assert "thank" in body(LetterKind.WITHDRAWAL).lower()
    rejection = body(LetterKind.THANKS_FOR_CONSIDERATION)
    assert "back in the running" in rejection and "advice" in rejection
    assert "+1 555 0199" in body(LetterKind.VOICEMAIL_SCRIPT)


def test_status_inquiry_recalls_the_decision_date():
    interview = Interview(application_id=1, starts_at=INTERVIEW.starts_at, decision_by=date(2025, 3, 14))
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


@pytest.mark.parametrize("seat", range(WORDING_COUNT))
def test_a_second_and_third_status_inquiry_do_not_repeat_the_first(seat):
    sent = [
        draft(
            LetterKind.STATUS_INQUIRY,
            application=APPLICATION,
            interview=INTERVIEW,
            interviewer=PANEL[0],
            settings=SETTINGS,
            variant=seat,
            attempt=attempt,
        )
        for attempt in (1, 2, 3)
    ]
    assert len({letter.subject for letter in sent}) == 3
    for a, b in combinations(sent, 2):
        # They share the seeds' own words, "the status of my application", and little else.
        assert compare(a.body, b.body).score < NEAR_DUPLICATE, (a.body, b.body)
        assert a.body.split("\n\n")[1:3] != b.body.split("\n\n")[1:3]
    assert all("status of my application" in letter.body for letter in sent)


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
    notes = DebriefNotes(1, liked="the $company and ${role} project")
    letter = draft(
        LetterKind.THANK_YOU_EMAIL,
        application=APPLICATION,
        interview=INTERVIEW,
        interviewer=PANEL[0],
        notes=notes,
    )
    assert "the $company and ${role} project" in letter.body


@hypothesis_settings(max_examples=60, deadline=None)
@given(
    note=st.text(max_size=80),
    name=st.text(max_size=30),
    signature=st.text(max_size=40),
    seat=st.integers(min_value=0, max_value=12),
)
# Punctuation alone in an answer once left no sentence to build the letter from.
@example(note=".", name="", signature="", seat=0)
@example(note=" ; - ", name="Ann", signature="", seat=3)
def test_any_input_drafts_without_error(note, name, signature, seat):
    notes = DebriefNotes(1, liked=note, rapport=note, concern_answer=note, amended_answer=note, samples=note)
    for kind in LetterKind:
        letter = draft(
            kind,
            application=APPLICATION,
            interview=INTERVIEW,
            interviewer=Interviewer(1, name),
            notes=notes,
            settings=Settings(signature=signature),
            variant=seat,
        )
        assert letter.body.strip()


@pytest.mark.parametrize("seat", range(WORDING_COUNT))
def test_notes_jotted_about_the_interviewer_are_written_to_them(seat):
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
        variant=seat,
    )
    assert "your team's new reporting portal" in letter.body
    assert "you are training for the Chicago marathon" in letter.body
    assert " she " not in letter.body and " her " not in letter.body
