from datetime import timedelta

import pytest

from followup import planning
from followup.letters import THANK_YOU_CALL_SUBJECT
from followup.model import (
    ActionKind,
    ActionStatus,
    Application,
    CallsWelcome,
    DebriefNotes,
    Interview,
    Interviewer,
    Letter,
    LetterKind,
    LetterStatus,
)
from ui import settings_panel

PAGE = "pages/letters.py"


@pytest.fixture
def panel(now, store):
    """An interview two hours ago with three people; the third has no email and a name full of markup."""
    application = Application("Qwzyx Analytics", "Data Analyst")
    store.add_application(application)
    interview = Interview(application.id, now - timedelta(hours=2), calls_welcome=CallsWelcome.YES)
    store.add_interview(interview)
    people = [
        Interviewer(interview.id, "Priya Raman", "Head of Analytics", "priya@qwzyx.example"),
        Interviewer(interview.id, "Tomás Ortega", "Data Engineer", "tomas@qwzyx.example"),
        Interviewer(interview.id, "<b>Grace</b> [x](javascript:alert(1))", "HR", "", "+1 415 555 0199"),
    ]
    notes = [
        DebriefNotes(0, liked="the churn dashboard I rebuilt", topics="self-serve reporting"),
        DebriefNotes(0, liked="my answer on testing pipelines", concerns="no Airflow experience"),
        DebriefNotes(0, liked="that I mentor junior analysts", topics="team culture"),
    ]
    for person, note in zip(people, notes, strict=True):
        store.add_interviewer(person)
        note.interviewer_id = person.id
        store.save_notes(note)
    planning.replan(store, application.id)
    return application, interview, people


def _open(app):
    app.switch_page(PAGE).run()
    assert not app.exception
    return app


def _draft(app, person, kind=LetterKind.THANK_YOU_EMAIL, call=False):
    app.button(key=f"letters-draft-{kind}-{person.id}-{call}").click().run()
    assert not app.exception


def _body(app, letter):
    return app.text_area(key=f"letter-{letter.id}-body-value")


def _markdown(app) -> str:
    return "\n".join(m.value for m in app.markdown)


def test_one_tab_per_interviewer_with_the_name_shown_as_text(app, panel):
    _open(app)
    assert [t.label for t in app.tabs] == [
        "Priya Raman",
        "Tomás Ortega",
        r"\<b\>Grace\<\/b\> \[x\]\(javascript\:alert\(1\)\)",
    ]


def test_each_draft_names_its_recipient_uses_their_notes_and_is_saved(app, store, panel):
    _, _, (priya, tomas, _grace) = panel
    _open(app)
    _draft(app, priya)
    _draft(app, tomas)
    first, second = store.list_letters()
    assert (first.interviewer_id, first.recipient, first.kind) == (
        priya.id,
        "priya@qwzyx.example",
        LetterKind.THANK_YOU_EMAIL,
    )
    assert first.body.startswith("Hi Priya,") and "churn dashboard" in first.body
    assert second.body.startswith("Hello Tomás,") and "testing pipelines" in second.body
    assert first.subject != second.subject
    assert _body(app, first).value == first.body
    assert "Timing:" in _markdown(app)
    assert "repeats the one" not in _markdown(app)


def test_edits_are_saved_as_they_are_made(app, store, panel):
    _, _, (priya, *_) = panel
    _open(app)
    _draft(app, priya)
    [letter] = store.list_letters()
    _body(app, letter).input(letter.body + "\nPS: see you at the marathon.").run()
    assert store.get_letter(letter.id).body.endswith("PS: see you at the marathon.")
    assert any("Saved at" in c.value for c in app.caption)

    app.text_input(key=f"letter-{letter.id}-recipient-value").input("not an address").run()
    assert store.get_letter(letter.id).recipient == "priya@qwzyx.example"
    assert app.text_input(key=f"letter-{letter.id}-recipient-value").value == "not an address"


def test_an_edit_made_elsewhere_first_is_kept_and_the_user_chooses(app, store, panel):
    _, _, (priya, *_) = panel
    _open(app)
    _draft(app, priya)
    [letter] = store.list_letters()
    elsewhere = store.get_letter(letter.id)
    elsewhere.body = "Changed in another tab"
    store.update_letter(elsewhere)

    _body(app, letter).input("Mine").run()
    assert any("changed in another tab" in w.value for w in app.warning)
    assert store.get_letter(letter.id).body == "Changed in another tab"
    assert _body(app, letter).value == "Mine"
    app.button(key=f"letter-{letter.id}-body-keep_mine").click().run()
    assert store.get_letter(letter.id).body == "Mine"


def test_checks_group_the_findings_and_a_word_can_join_the_dictionary(app, store, panel):
    _, _, (priya, *_) = panel
    _open(app)
    _draft(app, priya)
    [letter] = store.list_letters()
    _body(app, letter).input(letter.body.replace("Thank you", "Thank you [Name], teh", 1)).run()
    text = _markdown(app)
    assert "Fill in or remove the placeholders\\: \\[Name\\]" in text
    assert "Possible misspelling\\: “teh”" in text
    assert [c.value for c in app.caption if c.value in ("Fix before sending", "Worth a look")] == [
        "Fix before sending",
        "Worth a look",
    ]
    next(b for b in app.button if b.label == "Add “teh” to my dictionary").click().run()
    assert store.get_settings().user_dictionary == ["teh"]
    assert "“teh”" not in _markdown(app)


def test_two_copies_that_differ_by_name_are_flagged_with_the_shared_passages(app, store, panel):
    application, _, (priya, tomas, _grace) = panel
    _open(app)
    _draft(app, priya)
    [letter] = store.list_letters()
    store.add_letter(
        Letter(
            application.id,
            LetterKind.THANK_YOU_EMAIL,
            "tomas@qwzyx.example",
            "Hi",
            letter.body.replace("Priya", "Tomás"),
            interviewer_id=tomas.id,
        )
    )
    app.run()
    assert "100% of this letter repeats the one to Tomás Ortega" in _markdown(app).replace("\\", "")
    shared = [e for e in app.expander if e.label == "The passages both letters share"]
    assert shared and any("churn dashboard I rebuilt" in m.value for e in shared for m in e.markdown)


def test_someone_without_an_email_address_gets_a_thank_you_call_script(app, store, panel):
    _, interview, (_priya, _tomas, grace) = panel
    _open(app)
    assert any("no email address on" in i.value for i in app.info)
    _draft(app, grace, LetterKind.CALL_SCRIPT, call=True)
    [script] = store.list_letters()
    assert (script.kind, script.subject, script.recipient) == (
        LetterKind.CALL_SCRIPT,
        THANK_YOU_CALL_SUBJECT,
        "+1 415 555 0199",
    )
    assert "thank you" in script.body and "status of my application" not in script.body

    # The status call is another script: the view of call scripts does not show this one.
    app.selectbox(key="letters-kind").select(LetterKind.CALL_SCRIPT).run()
    app.selectbox(key=f"letters-to-{interview.id}-call_script").select(grace.id).run()
    assert app.button(key=f"letters-draft-call_script-{grace.id}-False")


def test_mark_as_sent_records_the_follow_up_and_the_plan_moves_on(today, app, store, panel):
    application, _, (priya, *_) = panel
    _open(app)
    _draft(app, priya)
    [letter] = store.list_letters()
    app.button(key=f"letters-sent-{letter.id}").click().run()
    assert not app.exception

    sent = store.get_letter(letter.id)
    assert (sent.status, sent.sent_on) == (LetterStatus.SENT, today)
    thanks = [a for a in store.list_actions(application.id) if a.kind is ActionKind.THANK_YOU_EMAIL]
    done = [a for a in thanks if a.status is ActionStatus.DONE]
    assert [a.interviewer_id for a in done] == [priya.id]
    assert priya.id not in [a.interviewer_id for a in thanks if a.status is ActionStatus.PLANNED]
    assert any("Sent on" in s.value for s in app.success)
    assert _body(app, letter).disabled
    assert "thank\\-you email to Priya Raman as sent" in app.toast[0].value


def test_company_letters_go_to_the_main_contact_unless_another_is_chosen(app, store, panel):
    _, interview, (priya, tomas, _grace) = panel
    _open(app)
    app.selectbox(key="letters-kind").select(LetterKind.STATUS_INQUIRY).run()
    to = f"letters-to-{interview.id}-status_inquiry"
    assert app.selectbox(key=to).value == priya.id
    _draft(app, priya, LetterKind.STATUS_INQUIRY)
    app.selectbox(key=to).select(tomas.id).run()
    _draft(app, tomas, LetterKind.STATUS_INQUIRY)
    assert [(x.interviewer_id, x.kind) for x in store.list_letters()] == [
        (priya.id, LetterKind.STATUS_INQUIRY),
        (tomas.id, LetterKind.STATUS_INQUIRY),
    ]
    assert "status of my application" in store.list_letters()[1].body


def test_an_attachment_is_claimed_only_when_the_email_draft_carries_one(app, store, panel):
    _, _, (priya, *_) = panel
    settings = store.get_settings()
    settings.signature = "Sam Lee"
    store.save_settings(settings)
    _open(app)
    _draft(app, priya)
    [letter] = store.list_letters()
    assert "Nothing to fix" in _markdown(app)
    assert "attach" not in letter.body
    _body(app, letter).input(
        letter.body.replace("Best,", "I have attached my dashboard deck.\n\nBest,")
    ).run()
    assert "but nothing is attached" in _markdown(app)
    assert "Nothing to fix" not in _markdown(app)
    app.file_uploader(key=f"letters-attach-{letter.id}").set_value(
        [("deck.pdf", b"%PDF-1.4 sample", "application/pdf")]
    ).run()
    assert not app.exception
    assert "but nothing is attached" not in _markdown(app)
    assert any("A mail link cannot carry attachments" in c.value for c in app.caption)


def test_a_later_status_inquiry_can_be_drafted_after_one_was_sent_in_other_words(app, store, panel):
    _, _, (priya, *_) = panel
    _open(app)
    app.selectbox(key="letters-kind").select(LetterKind.STATUS_INQUIRY).run()
    _draft(app, priya, LetterKind.STATUS_INQUIRY)
    [first] = store.list_letters()
    app.button(key=f"letters-sent-{first.id}").click().run()
    app.button(key=f"letters-next-inquiry-{priya.id}-1").click().run()
    assert not app.exception
    first, second = store.list_letters()
    assert (first.status, second.status) == (LetterStatus.SENT, LetterStatus.DRAFT)
    assert second.subject != first.subject
    assert second.body.split("\n\n")[1] != first.body.split("\n\n")[1]
    assert "status of my application" in second.body


def test_the_answers_from_the_close_are_points_for_the_thank_you(app, store, panel):
    _, interview, people = panel
    interview.qualifications_view = "strong on reporting; unsure about leading a team"
    interview.second_round = "Yes, with the CFO"
    interview.anything_else = "two references"
    store.update_interview(interview)
    _open(app)
    _draft(app, people[0])
    text = _markdown(app).replace("\\", "")
    assert "How they see your qualifications: “strong on reporting; unsure about leading a team”" in text
    assert "A next round lies ahead (“Yes, with the CFO”): say you look forward to it." in text
    assert "They asked for “two references”: attach it, or say when it will follow." in text


def test_the_settings_link_opens_the_plan_with_its_settings_shown(app, panel):
    _open(app)
    assert app.button(key="letters-open-settings").label == "Open the follow-up plan's settings"
    # AppTest does not follow st.switch_page: the link sets what the plan page reads, then switches
    # (the browser test clicks through).
    app.session_state[settings_panel.OPEN] = True
    app.switch_page("pages/plan.py").run()
    [settings] = [e for e in app.expander if e.label == "Plan settings"]
    assert settings.proto.expanded
    assert app.text_input(key="plan-settings-name").value == ""
    # Opened by hand the next time, they are folded away again.
    app.switch_page("pages/overview.py").run()
    app.switch_page("pages/plan.py").run()
    [settings] = [e for e in app.expander if e.label == "Plan settings"]
    assert not settings.proto.expanded


def test_a_sent_letter_can_be_put_back_to_a_draft(app, store, panel):
    application, _, (priya, *_) = panel
    _open(app)
    _draft(app, priya)
    [letter] = store.list_letters(application.id)
    app.button(key=f"letters-sent-{letter.id}").click().run()
    assert store.get_letter(letter.id).status is LetterStatus.SENT
    app.button(key=f"letters-unsend-{letter.id}").click().run()
    assert not app.exception
    assert store.get_letter(letter.id).status is LetterStatus.DRAFT
    thanks = [a for a in store.list_actions(application.id) if a.kind is ActionKind.THANK_YOU_EMAIL]
    assert {(a.interviewer_id, a.status) for a in thanks if a.interviewer_id == priya.id} == {
        (priya.id, ActionStatus.PLANNED)
    }
    assert app.button(key=f"letters-sent-{letter.id}")
