import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.letters.checks import (
    LENGTH_NORMS,
    NEAR_DUPLICATE,
    OtherLetter,
    check_attachments,
    check_company_name,
    check_greeting,
    check_length,
    check_pasted_notes,
    check_personal,
    check_placeholders,
    check_private,
    check_seams,
    check_sign_off,
    check_spelling,
    compare,
    known_words,
    proofread,
    spell_checker,
)
from followup.model import Application, DebriefNotes, Interviewer, LetterKind, Settings

APPLICATION = Application(company="Qwzyx Corp", role="Data Analyst")
JANE = Interviewer(1, "Jane Szczepański", email="jane@qwzyx.example")
SETTINGS = Settings(signature="Sam Lee", user_dictionary=["dbt"])

LETTER = """Hi Jane,

Thank you, Ms. Szczepański, for the oportunity to meet on Tuesday. I'm glad the churn
dashboard caught your eye, and I don't doubt Qwzyx Corp's data team is growing fast.
Dear [Name], I can send the Q3 report from https://qwzyx.example/reports/3rd or email
jane@qwzyx.example; we moved 40 reports to dbt in 2 weeks.

Best,
Sam Lee
"""


def findings_of(check, findings):
    return [f for f in findings if f.check == check]


def run(body, **overrides):
    arguments = {"application": APPLICATION, "interviewer": JANE, "settings": SETTINGS}
    arguments.update(overrides)
    return proofread(LetterKind.THANK_YOU_EMAIL, body, **arguments)


def test_misspelling_is_flagged_with_a_suggestion_but_names_are_not():
    spelling = findings_of("spelling", run(LETTER))
    assert [f.matches for f in spelling] == [("oportunity",)]
    assert spelling[0].severity == "warning"
    assert "opportunity" in spelling[0].message


def test_placeholders_are_errors():
    findings = run(LETTER)
    placeholders = findings_of("placeholder", findings)
    assert placeholders[0].matches == ("[Name]",)
    assert placeholders[0].severity == "error"
    assert findings[0].severity == "error"


@pytest.mark.parametrize(
    "leftover",
    ["[Name]", "{company}", "{}", "$name", "${role}", "<<date>>", "<COMPANY>", "____", "XXX", "TBD"],
)
def test_placeholder_shapes(leftover):
    assert check_placeholders(f"Thank you for meeting me at {leftover} today.")[0].matches == (leftover,)


def test_ordinary_text_has_no_placeholders():
    assert check_placeholders("I earned $50k, 20% more (a 3-to-1 ratio) at <b>; x > y.") == []


def test_user_dictionary_and_names_are_per_call_and_leave_the_shared_dictionary_alone():
    text = "We moved to dbt, said Szczepański."
    assert check_spelling(text, known_words(APPLICATION, [JANE.name], SETTINGS)) == []
    assert [f.matches for f in check_spelling(text)] == [("dbt",), ("Szczepański",)]
    assert spell_checker().unknown(["dbt", "szczepański"]) == {"dbt", "szczepański"}


def test_capitalised_unknown_mid_sentence_is_only_info():
    (finding,) = check_spelling("We migrated to Snowflakey last year.")
    assert finding.severity == "info"
    (finding,) = check_spelling("Oportunity knocks.")
    assert finding.severity == "warning"


def test_british_spellings_pass():
    assert check_spelling("I organised the colour scheme and analysed the centre's behaviour.") == []


def test_greeting_naming_another_interviewer_is_an_error():
    body = "Hi Tomás,\n\nThanks.\n\nBest,\nSam Lee"
    (finding,) = check_greeting(body, JANE.name, ["Tomás Ortega"])
    assert finding.severity == "error"
    assert "another interviewer" in finding.message
    (stranger,) = check_greeting("Dear Bob,\n\nThanks.", JANE.name)
    assert stranger.severity == "warning"


@pytest.mark.parametrize(
    "greeting",
    [
        "Hi Jane,",
        "Dear Jane Szczepański,",
        "Dear Ms. Szczepański:",
        "Hello Qwzyx team,",
        "Dear Hiring Committee,",
        "Thanks, Jane!",
    ],
)
def test_greeting_for_the_recipient_passes(greeting):
    assert check_greeting(f"{greeting}\n\nThank you.", JANE.name, ["Tomás Ortega"], "Qwzyx Corp") == []


@pytest.mark.parametrize("written", ["AcMe", "ACME", "acme", "Acmee", "Acmé"])
def test_company_written_differently_is_flagged(written):
    (finding,) = check_company_name(f"I would love to join {written} soon.", "Acme Inc.")
    assert finding.matches == (written,)


@pytest.mark.parametrize(
    "text", ["I would love to join Acme soon.", "Acme's team and Acme Inc. impressed me.", "A rash of acne."]
)
def test_company_written_right_passes(text):
    assert check_company_name(text, "Acme Inc.") == []


def test_company_checks_multi_word_names_and_swapped_letters():
    (spaced,) = check_company_name("Thanks from a BlueHarbor fan.", "Blue Harbor")
    assert spaced.matches == ("BlueHarbor",)
    assert check_company_name("Blue Harbor Logistics was great.", "Blue Harbor Logistics") == []
    (british,) = check_company_name("Blue Harbour Logistics was great.", "Blue Harbor Logistics")
    assert british.matches == ("Blue Harbour Logistics",)
    (swapped,) = check_company_name("I enjoyed visiting Qwyzx Corp.", "Qwzyx Corp")
    assert swapped.matches == ("Qwyzx",)


def test_sign_off():
    assert check_sign_off("Hi Jane,\n\nThanks for your time.") != []
    (unsigned,) = check_sign_off("Hi Jane,\n\nThanks.\n\nBest regards,")
    assert "name" in unsigned.message
    (other_name,) = check_sign_off("Hi Jane,\n\nThanks.\n\nBest regards,\nAlex", "Sam Lee")
    assert "Sam Lee" in other_name.message
    assert (
        check_sign_off("Hi Jane,\n\nThanks.\n\nKind regards,\nSam Lee\n+1 555 0199", "Sam Lee\n+1 555") == []
    )


def test_length_outside_the_norm():
    low, high = LENGTH_NORMS[LetterKind.THANK_YOU_EMAIL]
    (short,) = check_length(LetterKind.THANK_YOU_EMAIL, "Thanks! " * (low - 1))
    assert "short" in short.message
    (long,) = check_length(LetterKind.THANK_YOU_EMAIL, "word " * (high + 1))
    assert "long" in long.message
    assert check_length(LetterKind.THANK_YOU_EMAIL, "word " * low) == []


def test_personal_check_looks_for_the_notes():
    notes = DebriefNotes(1, liked="the churn dashboard", topics="migrating reports to dbt")
    (generic,) = check_personal("Thank you for your time and the great conversation about the role.", notes)
    assert generic.severity == "warning"
    (specific,) = check_personal("The migration of your reports sounds like fun.", notes)
    assert specific.severity == "info"
    assert set(specific.matches) == {"migrating", "reports"}
    # A sentence, not a bare list of keywords.
    assert specific.message == (
        "Specific to this interviewer: it picks up “migrating” and “reports” from your notes on them."
    )
    (empty,) = check_personal("Thank you.", DebriefNotes(1))
    assert empty.severity == "info"


def test_names_and_company_alone_do_not_make_a_letter_personal():
    notes = DebriefNotes(1, liked="how Qwzyx Corp trains analysts")
    ignore = [APPLICATION.company, APPLICATION.role, JANE.name]
    (finding,) = check_personal("Qwzyx Corp is a great company.", notes, ignore=ignore)
    assert finding.severity == "warning"


def test_copies_differing_only_by_name_are_near_duplicates_and_show_the_shared_part():
    body = (
        "Hi {name},\n\nThank you for meeting with me on Tuesday. I enjoyed our talk about "
        "the quarterly planning process and would love to help.\n\nBest,\nSam Lee"
    )
    jane, tom = body.format(name="Jane"), body.format(name="Tom")
    overlap = compare(jane, tom, ignore=["Jane Szczepański", "Tom Ortega"])
    assert overlap.score == 1.0
    assert overlap.passages == (jane.strip(),)
    (finding,) = findings_of("near_duplicate", run(jane, others=[OtherLetter("Tom Ortega", tom)]))
    assert "Tom Ortega" in finding.message
    assert "quarterly planning process" in finding.matches[0]


def test_short_letter_copied_into_a_longer_one_is_flagged():
    short = "Thank you for meeting with me on Tuesday about the analyst role at Qwzyx."
    longer = "A whole new opening paragraph here. " + short + " And a new ending, too, with more words."
    assert compare(short, longer).score == 1.0
    assert compare(longer, short).score == 1.0


def test_unrelated_letters_are_not_near_duplicates():
    a = "Thank you for the talk on churn dashboards and the retail team's weekly numbers."
    b = "I appreciated hearing how analysts and engineers share support duties at Qwzyx."
    assert compare(a, b).score < NEAR_DUPLICATE
    assert compare(a, b).passages == ()


def test_scripts_skip_sign_off_and_duplicate_checks():
    script = (
        "Hello Jane, this is Sam Lee. I am following up on my interview and the status of my application."
    )
    findings = proofread(
        LetterKind.VOICEMAIL_SCRIPT,
        script,
        application=APPLICATION,
        interviewer=JANE,
        settings=SETTINGS,
        others=[OtherLetter("Tom Ortega", script.replace("Jane", "Tom"))],
    )
    assert findings_of("sign_off", findings) == []
    assert findings_of("near_duplicate", findings) == []


@settings(max_examples=100, deadline=None)
@given(
    body=st.text(max_size=300),
    company=st.text(max_size=30),
    name=st.text(max_size=30),
    other=st.text(max_size=200),
)
def test_any_text_proofreads_without_error(body, company, name, other):
    findings = proofread(
        LetterKind.THANK_YOU_EMAIL,
        body,
        subject=name,
        application=Application(company=company, role=name),
        interviewer=Interviewer(1, name),
        notes=DebriefNotes(1, liked=other),
        others=[OtherLetter(name, other)],
    )
    assert all(f.severity in ("error", "warning", "info") for f in findings)


# The sentences the old drafts produced from notes typed as the Debrief page suggested.
BROKEN = [
    "I was glad to see that lit up when I described rebuilding the weekly sales dashboard in Power BI.",
    "I have also thought more about the concern you raised about asked twice whether I have done forecasting.",
    "Your interest in liked that I write my own dbt models and tests was encouraging.",
    "One thing I want to underline is stress my time-series course and the inventory forecast side project.",
    "You mentioned a concern about I have not used Airflow, only Dagster.",
    "It was a pleasure to hear about we both started out in physics.",
]
FINE = [
    "I was glad that you lit up when I described the audit clean-up.",
    "You asked about my notice period. I can start within four weeks if needed.",
    "Your interest in testing data pipelines was encouraging.",
    "I would also like to stress my time-series course.",
    "I enjoyed finding out that we both started out in physics.",
    "It was good to see that the team liked the dashboard.",
    "On the forecasting question, I would add that I built the model myself.",
    "Thank you for your interest in my work, and for the time you spent with me.",
]


@pytest.mark.parametrize("sentence", BROKEN)
def test_a_note_in_a_frame_it_does_not_fit_is_flagged(sentence):
    [finding] = check_seams(sentence)
    assert finding.severity == "error"
    assert "does not read as a sentence" in finding.message


@pytest.mark.parametrize("sentence", FINE)
def test_sentences_that_read_well_are_not_flagged(sentence):
    assert check_seams(sentence) == []


def test_private_words_in_a_letter_are_pointed_out():
    body = (
        "Hi Jane,\n\nI think I lowballed myself on salary, and I blanked on one question.\n\nBest,\nSam Lee"
    )
    words = [f.matches[0] for f in check_private(body, LetterKind.THANK_YOU_EMAIL)]
    assert sorted(words) == ["blanked", "lowballed", "salary"]
    assert check_private("We can talk about the salary.", LetterKind.OFFER_THANKS) == []
    assert check_private("I would love to find out more about the team.", LetterKind.THANK_YOU_EMAIL) == []


def test_a_private_note_pasted_word_for_word_is_an_error():
    notes = DebriefNotes(1, liked="the churn dashboard", to_stress="look up their new ERP system")
    pasted = "Hi Jane,\n\nOne thing to underline: look up their new ERP system.\n\nBest,\nSam Lee"
    [finding] = check_pasted_notes(pasted, notes)
    assert finding.severity == "error" and finding.matches == ("look up their new ERP system",)
    assert check_pasted_notes("I enjoyed talking about the churn dashboard.", notes) == []
    memo = DebriefNotes(1, concerns="asked twice about my notice period")
    assert check_pasted_notes("You asked twice about my notice period, so...", memo)


def test_an_attachment_is_claimed_only_when_one_goes_with_the_email():
    claim = "I have attached the deck."
    [finding] = check_attachments(claim, [])
    assert finding.severity == "error" and "nothing is attached" in finding.message
    assert check_attachments(claim, ["deck.pdf"]) == []
    [note] = check_attachments("Thank you for your time.", ["deck.pdf"])
    assert note.severity == "info" and "deck.pdf" in note.message
    assert check_attachments("Thank you for your time.", []) == []


def test_nothing_to_fix_only_when_nothing_is_wrong():
    clean = "Thank you for meeting with me about the Data Analyst role at Qwzyx Corp. " * 7
    letter = f"Hi Jane,\n\n{clean}\n\nBest,\nSam Lee"
    assert [f for f in run(letter) if f.severity != "info"] == []
    for broken in (BROKEN[0], "I have attached my deck.", "I lowballed myself on salary."):
        spoiled = letter.replace("Best,", f"{broken}\n\nBest,")
        assert [f for f in run(spoiled) if f.severity != "info"], broken
