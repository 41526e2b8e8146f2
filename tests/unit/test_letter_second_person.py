import pytest

from followup.letters.second_person import addressed


@pytest.mark.parametrize(
    ("note", "letter"),
    [
        ("she is training for the Chicago marathon", "you are training for the Chicago marathon"),
        ("She loves hiking with her dog", "You love hiking with your dog"),
        ("he watches every Formula 1 race", "you watch every Formula 1 race"),
        ("He tries to cycle to work", "You try to cycle to work"),
        ("she has two cats", "you have two cats"),
        ("he doesn't like long meetings", "you don't like long meetings"),
        ("they are moving offices in March", "you are moving offices in March"),
        ("she's a fan of jazz", "you're a fan of jazz"),
        ("his team's reporting backlog", "your team's reporting backlog"),
        ("her daughter just started at Stanford", "your daughter just started at Stanford"),
        ("I told her about my thesis", "I told you about my thesis"),
        ("the idea was his", "the idea was yours"),
        ("she built the team herself", "you built the team yourself"),
        (
            "the dashboard I rebuilt; he asked about it twice",
            "the dashboard I rebuilt; you asked about it twice",
        ),
    ],
)
def test_pronouns_about_the_interviewer_become_you(note, letter):
    assert addressed(note) == letter


@pytest.mark.parametrize(
    "note",
    [
        "my answer on testing data pipelines",
        "we both studied in Lyon",
        "shell scripts and theory",
        "the Chicago marathon",
        "Heather's project",
        "",
        "40 TB, not 4",
    ],
)
def test_notes_without_such_pronouns_are_unchanged(note):
    assert addressed(note) == note
