"""The answers given at the close of the interview, read for the plan and the letters."""

from datetime import datetime

import pytest

from followup.answers import expects_next_round, letter_points, requested
from followup.model import Interview


def interview(**answers) -> Interview:
    return Interview(1, datetime(2026, 3, 3, 14), **answers)


@pytest.mark.parametrize(
    "said",
    [
        "Yes, with the CFO in about two weeks",
        "yes",
        "Probably a panel",
        "A final round with the CEO",
        "The last round is with the team",
        "There will be a case study next",
    ],
)
def test_an_answer_that_says_another_round_is_coming(said):
    assert expects_next_round(interview(second_round=said))


@pytest.mark.parametrize(
    "said",
    [
        "",
        "No",
        "no second round",
        "This was the last round",
        "It was the final interview",
        "Not sure yet",
        "maybe",
    ],
)
def test_an_answer_that_says_no_or_leaves_it_open_plans_no_round(said):
    assert not expects_next_round(interview(second_round=said))


@pytest.mark.parametrize(
    "said, wanted",
    [
        ("Two references and a writing sample", "Two references and a writing sample"),
        ("  my portfolio\n link ", "my portfolio link"),
        ("maybe a writing sample", "maybe a writing sample"),
        ("No", ""),
        ("Nothing else, thanks", ""),
        ("That's all", ""),
        ("n/a", ""),
        ("", ""),
    ],
)
def test_what_they_asked_for(said, wanted):
    assert requested(interview(anything_else=said)) == wanted


def test_letter_points_use_each_answer_the_page_promises_to_use():
    points = letter_points(
        interview(
            qualifications_view="strong on reporting; unsure about team leadership",
            second_round="Yes, with the CFO",
            anything_else="two references",
        )
    )
    assert points == [
        (
            "How they see your qualifications: “strong on reporting; unsure about team leadership”. Build on "
            "what they liked, and answer any doubt with one concrete example."
        ),
        "A next round lies ahead (“Yes, with the CFO”): say you look forward to it.",
        "They asked for “two references”: attach it, or say when it will follow.",
    ]
    assert letter_points(interview(second_round="No", anything_else="nothing")) == []
