"""What the answers to the questions asked at the close of the interview mean for what follows.

The Close the interview page asks whether there will be a second round,
whether they need anything else from you and how they see your
qualifications. The answers are free text; this module reads the little the
plan and the letters need from them: does a next round lie ahead, is there
something to send, and what each answer asks of the letters.

A reading errs on the side of doing nothing: an answer that says no, or says
nothing we can tell, plans nothing and adds no point to a letter.
"""

from __future__ import annotations

import re

from followup.model import Interview

# "No", "none", "nothing else", "that's all", "n/a", "not that I know of", "this was the last round".
_NO = re.compile(
    r"^\W*(?:no|nope|none|nothing|n/?a|not really|not that i know of|that'?s (?:all|it)|all good)\b"
    r"|\bnothing (?:else|more|needed|further)\b"
    r"|\bno(?:thing)? (?:more|further|other|second|next|additional)\b"
    r"|\b(?:this|that|it|today) (?:was|is|were) the (?:last|final|only)\b"
    r"|\b(?:last|final|only) (?:round|interview|step)\b"
    r"(?! with| next| in| on| after| before| to come| is| will| would)",
    re.IGNORECASE,
)
# An answer that leaves it open is not a round to plan for.
_UNSURE = re.compile(
    r"\bnot (?:sure|yet|decided|known|clear)\b|\bdon'?t know\b|\bmaybe\b|\bunclear\b|\bdepends\b",
    re.IGNORECASE,
)
_NEXT_ROUND = re.compile(
    r"\b(?:yes|yep|yeah|probably|likely|another|second|2nd|third|3rd|next|final|further|follow[ -]?up)\b"
    r"|\b(?:round|interview|panel|meet|meeting|assessment|case study|presentation|on-?site)\b",
    re.IGNORECASE,
)


def expects_next_round(interview: Interview) -> bool:
    """Whether they said another round of interviews lies ahead ("yes, with the CFO")."""
    said = interview.second_round.strip()
    if not said or _NO.search(said) or _UNSURE.search(said):
        return False
    return bool(_NEXT_ROUND.search(said))


def requested(interview: Interview) -> str:
    """What they asked you to send ("two references and a writing sample"), or "" for nothing."""
    said = " ".join(interview.anything_else.split())
    if not said or _NO.search(said):
        return ""
    return said


def letter_points(interview: Interview) -> list[str]:
    """What the thank-you letters should do with the answers given at the close, one point each."""
    points = []
    view = " ".join(interview.qualifications_view.split())
    if view:
        points.append(
            f"How they see your qualifications: “{view}”. Build on what they liked, and answer any "
            "doubt with one concrete example."
        )
    if expects_next_round(interview):
        points.append(
            f"A next round lies ahead (“{' '.join(interview.second_round.split())}”): say you look "
            "forward to it."
        )
    asked = requested(interview)
    if asked:
        points.append(f"They asked for “{asked}”: attach it, or say when it will follow.")
    return points
