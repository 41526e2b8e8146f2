"""Letters, from a debrief note to a letter in the interviewer's inbox.

Read the modules in the order a note travels:

- ``capture``: a note as the user jotted it, read into points a letter can
  use, each with the sentence it becomes, or kept private and why
  (``grammar`` holds the few word lists it needs, ``second_person`` turns
  "she" into "you").
- ``wordings``: every sentence the letters are made of, as data, filled by ``template``.
- ``compose``: a draft per letter kind and person, from their points and the wordings.
- ``checks``: proofreading beside each draft before it is sent.
- ``handoff``: the ``mailto:`` link, the ``.eml`` draft and the print file.
- ``scripts``: what to say on a call or a voicemail the plan asks for.
"""

from followup.letters.compose import (
    EMAIL_KINDS,
    KIND_ADVICE,
    KIND_LABELS,
    SCRIPT_KINDS,
    THANK_YOU_CALL_SUBJECT,
    Draft,
    draft,
    draft_thank_you_call,
    handwritten_note_planned,
    is_thank_you_call,
)

__all__ = [
    "EMAIL_KINDS",
    "KIND_ADVICE",
    "KIND_LABELS",
    "SCRIPT_KINDS",
    "THANK_YOU_CALL_SUBJECT",
    "Draft",
    "draft",
    "draft_thank_you_call",
    "handwritten_note_planned",
    "is_thank_you_call",
]
