from datetime import timedelta

import pytest

from followup.model import Application, DebriefNotes, Interview, Interviewer

PAGE = "pages/debrief.py"


@pytest.fixture
def interview(now, store):
    application = Application("Acme", "Analyst")
    store.add_application(application)
    interview = Interview(application.id, now - timedelta(hours=2))
    store.add_interview(interview)
    return interview


@pytest.fixture
def people(store, interview):
    found = []
    for name in ("Priya Raman", "Tomás Ortega", "<b>Grace</b> [x](javascript:alert(1))"):
        person = Interviewer(interview.id, name)
        store.add_interviewer(person)
        found.append(person)
    return found


def _note(person, field):
    return f"debrief-{person.id}-{field}-value"


def _steps(at):
    return [(link.label.strip("*"), link.icon) for link in at.get("page_link")]


def test_without_interviewers_it_sends_the_user_back_for_their_cards(app, interview):
    app.switch_page(PAGE).run()
    assert not app.exception
    assert "No interviewers recorded" in app.warning[0].value
    assert ("Add their business cards", ":material/arrow_back:") in _steps(app)


def test_it_prompts_to_write_now_and_shows_the_time_since(app, people):
    app.switch_page(PAGE).run()
    nudge = app.info[0].value
    assert nudge.startswith("Your interview began 2 h ago")
    assert "while you still remember who said what" in nudge


def test_one_section_per_interviewer_with_every_prompt(app, people):
    app.switch_page(PAGE).run()
    assert [h.value for h in app.subheader] == [
        "Priya Raman",
        "Tomás Ortega",
        r"\<b\>Grace\<\/b\> \[x\]\(javascript\:alert\(1\)\)",
    ]
    labels = [t.label for t in app.text_area if t.key.startswith(f"debrief-{people[0].id}-")]
    assert labels == [
        "What they liked or responded well to",
        "Topics they focused on",
        "Concerns they voiced, or you sensed",
        "Your answer to that concern, as the letter should say it",
        "An answer to correct, amplify or complete",
        "What you would say now, as the letter should say it",
        "Things to research or stress",
        "Personal details for rapport",
        "Work samples or an article worth sending",
    ]


def test_notes_are_saved_per_interviewer_and_the_step_completes(app, store, interview, people):
    app.switch_page(PAGE).run()
    assert _steps(app)[1] == ("2 · Debrief", ":material/radio_button_unchecked:")
    app.text_area(key=_note(people[0], "liked")).input("the churn dashboard").run()
    app.text_area(key=_note(people[0], "rapport")).input("marathon in May").run()
    app.text_area(key=_note(people[1], "concerns")).input("no Airflow").run()
    notes = store.list_notes(interview.id)
    priya = notes[people[0].id]
    assert (priya.liked, priya.rapport) == ("the churn dashboard", "marathon in May")
    assert notes[people[1].id].concerns == "no Airflow"
    assert people[2].id not in notes
    assert any("Saved at" in c.value for c in app.caption)
    assert any(c.value == "Notes on 2 of 3 interviewers" for c in app.caption)

    app.text_area(key=_note(people[2], "samples")).input("the deck").run()
    assert _steps(app)[1] == ("2 · Debrief", ":material/check_circle:")
    assert app.get("progress")[0].proto.text == "1 of 5 steps done for this interview"
    assert [b.label for b in app.button if b.key == "journey-next"] == ["Next: 3 · Letters"]


def test_notes_come_back_after_switching_pages(app, store, people):
    app.switch_page(PAGE).run()
    app.text_area(key=_note(people[1], "topics")).input("data quality").run()
    app.switch_page("pages/close_interview.py").run()
    app.switch_page(PAGE).run()
    assert app.text_area(key=_note(people[1], "topics")).value == "data quality"


def test_notes_written_in_another_tab_are_not_overwritten(app, store, people):
    app.switch_page(PAGE).run()
    store.save_notes(DebriefNotes(people[0].id, liked="theirs"))
    app.text_area(key=_note(people[0], "liked")).input("mine").run()
    assert any("changed in another tab" in w.value for w in app.warning)
    assert store.get_notes(people[0].id).liked == "theirs"
    assert app.text_area(key=_note(people[0], "liked")).value == "mine"
    next(b for b in app.button if b.label == "Save my version over theirs").click().run()
    assert store.get_notes(people[0].id).liked == "mine"


def test_another_field_written_elsewhere_is_merged(app, store, people):
    app.switch_page(PAGE).run()
    store.save_notes(DebriefNotes(people[0].id, concerns="theirs"))
    app.text_area(key=_note(people[0], "liked")).input("mine").run()
    notes = store.get_notes(people[0].id)
    assert (notes.liked, notes.concerns) == ("mine", "theirs")
    assert app.text_area(key=_note(people[0], "concerns")).value == "theirs"


def _quotes(app) -> list[str]:
    return [m.value[2:].replace("\\", "") for m in app.markdown if m.value.startswith("> ")]


def test_beside_each_note_the_sentence_it_makes_in_the_letter(app, store, people):
    app.switch_page(PAGE).run()
    app.text_area(key=_note(people[0], "liked")).input("lit up when I described the audit clean-up").run()
    assert "I was glad that you lit up when I described the audit clean-up." in _quotes(app)
    app.text_area(key=_note(people[0], "to_stress")).input("look up their new ERP; stress my SAP work").run()
    quotes = _quotes(app)
    assert "I would also like to stress my SAP work." in quotes
    assert not [q for q in quotes if "ERP" in q]
    assert any(
        "“look up their new ERP” stays out of your letters" in m.value.replace("\\", "") for m in app.markdown
    )


def test_a_concern_stays_private_until_the_user_writes_the_answer(app, store, people):
    app.switch_page(PAGE).run()
    app.text_area(key=_note(people[1], "concerns")).input("asked twice about my notice period").run()
    assert not [q for q in _quotes(app) if "notice" in q]
    assert any("stays out of your letters until you write" in m.value for m in app.markdown)
    app.text_area(key=_note(people[1], "concern_answer")).input("can start within four weeks if needed").run()
    [sentence] = [q for q in _quotes(app) if "four weeks" in q]
    assert "my notice period" in sentence and "twice" not in sentence
    assert sentence.endswith("I can start within four weeks if needed.")


def test_old_free_notes_are_shown_as_notes_to_rewrite_never_pasted(app, store, people):
    store.save_notes(
        DebriefNotes(
            people[0].id,
            concerns="I have not used Airflow, only Dagster",
            answer_to_amend="I forgot to mention the alerting I set up for late data",
            to_stress="salary question - lowballed myself",
        )
    )
    app.switch_page(PAGE).run()
    assert _quotes(app) == []
    text = "\n".join(m.value.replace("\\", "") for m in app.markdown)
    assert "“salary question - lowballed myself” stays out of your letters" in text
    assert "Private: this stays out of your letters until you write" in text
