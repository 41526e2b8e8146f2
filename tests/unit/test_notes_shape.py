"""Notes and cards written before the salutation and the answers existed keep working."""

import json
from datetime import datetime

import sqlalchemy as sa

from followup import backup, migrations
from followup.letters import capture
from followup.letters.compose import draft
from followup.model import LetterKind
from followup.sample import load_sample
from followup.store import Store, create_engine
from tests.unit import schema_v2


def test_a_database_from_before_moves_forward_with_its_notes(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        # The schema as version 2 left it: no salutation, no answers.
        schema_v2.metadata.create_all(conn)
        conn.execute(schema_v2.meta.insert().values(id=1, schema_version=2, data_version=0))
        conn.execute(schema_v2.settings.insert().values(id=1))
        conn.execute(
            schema_v2.applications.insert().values(
                id=1,
                company="Old Co",
                role="Clerk",
                field_pace="relaxed",
                formality="formal",
                status="waiting",
                created_at=datetime(2025, 1, 2, 9),
            )
        )
        conn.execute(
            schema_v2.interviews.insert().values(
                id=1, application_id=1, round=1, starts_at=datetime(2025, 1, 3)
            )
        )
        conn.execute(
            sa.text("INSERT INTO interviewers (id, interview_id, name) VALUES (1, 1, 'Dr. Ada Lee')")
        )
        conn.execute(
            sa.text(
                "INSERT INTO debrief_notes (interviewer_id, liked, concerns, answer_to_amend, updated_at) "
                "VALUES (1, 'the audit clean-up', 'I have not used SAP', 'blanked on the SAP question', NULL)"
            )
        )
    engine.dispose()

    store = Store.open(url)
    assert store.schema_version() == migrations.CURRENT_VERSION
    person = store.get_interviewer(1)
    notes = store.get_notes(1)
    assert person.salutation == ""
    assert (notes.liked, notes.concern_answer, notes.amended_answer) == ("the audit clean-up", "", "")
    [application] = store.list_applications()
    letter = draft(
        LetterKind.THANK_YOU_EMAIL,
        application=application,
        interview=store.get_interview(1),
        interviewer=person,
        notes=notes,
    )
    assert letter.body.startswith("Dear Dr. Lee,")
    assert "the audit clean-up" in letter.body
    assert "SAP" not in letter.body and "blanked" not in letter.body
    memos = capture.memo_points(notes)
    assert [p.field for p in memos] == ["concerns", "answer_to_amend"] and not any(p.sendable for p in memos)
    store.close()


def test_a_version_1_export_without_the_new_fields_still_imports(store):
    load_sample(store, 3)
    document = backup.export_document(store)
    for application in document["applications"]:
        for interview in application["interviews"]:
            for person in interview["interviewers"]:
                person.pop("salutation")
                if person["notes"]:
                    person["notes"].pop("concern_answer")
                    person["notes"].pop("amended_answer")
    fresh = Store.open("sqlite://")
    backup.import_parsed(fresh, backup.parse(json.dumps(document).encode()), replace=True)
    people = fresh.list_interviewers()
    assert people and all(p.salutation == "" for p in people)
    notes = fresh.all_notes()
    assert notes and all(n.concern_answer == "" and n.amended_answer == "" for n in notes.values())
    assert any(n.liked for n in notes.values())


def test_the_export_carries_the_salutation_and_the_answers(store):
    load_sample(store, 1)
    document = backup.export_document(store)
    panel = document["applications"][0]["interviews"][-1]["interviewers"]
    assert panel[0]["salutation"] == "Ms."
    assert panel[0]["notes"]["concern_answer"].startswith("I ran dbt in production")
    copy = Store.open("sqlite://")
    backup.import_parsed(copy, backup.parse(backup.export_json(store)), replace=True)
    again = backup.export_document(copy)
    assert again["applications"][0]["interviews"][-1]["interviewers"] == panel
