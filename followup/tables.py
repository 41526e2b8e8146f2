"""The current database schema, as SQLAlchemy Core tables.

The migrations in `migrations.py` build exactly this schema; a test compares
the two, so a column added here without a migration fails the suite.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()


def _belongs_to_application() -> sa.Column:
    return sa.Column(
        "application_id",
        sa.Integer,
        sa.ForeignKey("applications.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


def _about_interviewer() -> sa.Column:
    # A letter or action outlives a deleted business card: it just loses the link.
    return sa.Column(
        "interviewer_id",
        sa.Integer,
        sa.ForeignKey("interviewers.id", ondelete="SET NULL"),
        nullable=True,
    )


# One row: the schema version, and a random name given to the database when
# it is made, so that caches holding what two databases contain can never mix
# them up (see Store.identity).
meta = sa.Table(
    "meta",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("schema_version", sa.Integer, nullable=False),
    sa.Column("database_id", sa.String(32), nullable=True),
)

# The people whose data this is: one row per OpenID issuer and subject (the
# local app and the demo have one, the local owner). Every application and
# each person's settings belong to one; the records under an application
# belong to its owner. `data_version` is bumped in the same transaction as
# each of that person's saves, so a cache keyed on it is never stale, and
# every app server reading the database agrees on it.
owners = sa.Table(
    "owners",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("issuer", sa.String(1000), nullable=False),
    sa.Column("subject", sa.String(255), nullable=False),
    # The name or email the provider gave at the last sign-in, for operators.
    sa.Column("label", sa.String(320), nullable=False, server_default=""),
    sa.Column("data_version", sa.Integer, nullable=False, server_default="0"),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("issuer", "subject", name="uq_owners_issuer_subject"),
)


def _owner(*, unique: bool = False) -> sa.Column:
    return sa.Column(
        "owner_id",
        sa.Integer,
        sa.ForeignKey("owners.id", ondelete="CASCADE"),
        nullable=False,
        unique=unique,
        index=not unique,
    )


settings = sa.Table(
    "settings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _owner(unique=True),
    sa.Column("country", sa.String(8), nullable=False, server_default="US"),
    sa.Column("subdivision", sa.String(40), nullable=False, server_default=""),
    sa.Column("cadence", sa.String(20), nullable=False, server_default="moderate"),
    sa.Column("signature", sa.Text, nullable=False, server_default=""),
    sa.Column("user_dictionary", sa.Text, nullable=False, server_default="[]"),
)

applications = sa.Table(
    "applications",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _owner(),
    sa.Column("company", sa.String(200), nullable=False),
    sa.Column("role", sa.String(200), nullable=False),
    sa.Column("field_pace", sa.String(20), nullable=False),
    sa.Column("formality", sa.String(20), nullable=False),
    sa.Column("status", sa.String(30), nullable=False),
    sa.Column("job_link", sa.Text, nullable=False, server_default=""),
    sa.Column("notes", sa.Text, nullable=False, server_default=""),
    sa.Column("handwritten_note", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("version", sa.Integer, nullable=False, server_default="0"),
    sa.Column("created_at", sa.DateTime, nullable=False),
    # The owner's data version of the last save that changed this application or anything
    # under it, so a cache reloads only the applications a save touched.
    sa.Column("revision", sa.Integer, nullable=False, server_default="0"),
    # What changed since a saved state is found without reading every application.
    sa.Index("ix_applications_owner_revision", "owner_id", "revision"),
)

interviews = sa.Table(
    "interviews",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _belongs_to_application(),
    sa.Column("round", sa.Integer, nullable=False),
    sa.Column("starts_at", sa.DateTime, nullable=False),
    sa.Column("format", sa.String(40), nullable=False, server_default=""),
    sa.Column("decision_by", sa.Date, nullable=True),
    sa.Column("decision_timeline", sa.Text, nullable=False, server_default=""),
    sa.Column("next_steps", sa.Text, nullable=False, server_default=""),
    sa.Column("second_round", sa.Text, nullable=False, server_default=""),
    sa.Column("anything_else", sa.Text, nullable=False, server_default=""),
    sa.Column("qualifications_view", sa.Text, nullable=False, server_default=""),
    sa.Column("calls_welcome", sa.String(10), nullable=False, server_default="unknown"),
    sa.Column("preferred_channel", sa.String(10), nullable=True),
    sa.Column("version", sa.Integer, nullable=False, server_default="0"),
)

interviewers = sa.Table(
    "interviewers",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "interview_id",
        sa.Integer,
        sa.ForeignKey("interviews.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("title", sa.String(200), nullable=False, server_default=""),
    sa.Column("email", sa.String(320), nullable=False, server_default=""),
    sa.Column("phone", sa.String(40), nullable=False, server_default=""),
    sa.Column("preferred_channel", sa.String(10), nullable=True),
    sa.Column("version", sa.Integer, nullable=False, server_default="0"),
    sa.Column("salutation", sa.String(40), nullable=False, server_default=""),
)

debrief_notes = sa.Table(
    "debrief_notes",
    metadata,
    sa.Column(
        "interviewer_id",
        sa.Integer,
        sa.ForeignKey("interviewers.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("liked", sa.Text, nullable=False, server_default=""),
    sa.Column("concerns", sa.Text, nullable=False, server_default=""),
    sa.Column("topics", sa.Text, nullable=False, server_default=""),
    sa.Column("to_stress", sa.Text, nullable=False, server_default=""),
    sa.Column("answer_to_amend", sa.Text, nullable=False, server_default=""),
    sa.Column("rapport", sa.Text, nullable=False, server_default=""),
    sa.Column("samples", sa.Text, nullable=False, server_default=""),
    sa.Column("updated_at", sa.DateTime, nullable=True),
    sa.Column("version", sa.Integer, nullable=False, server_default="0"),
    sa.Column("concern_answer", sa.Text, nullable=False, server_default=""),
    sa.Column("amended_answer", sa.Text, nullable=False, server_default=""),
)

letters = sa.Table(
    "letters",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _belongs_to_application(),
    _about_interviewer(),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("recipient", sa.String(320), nullable=False, server_default=""),
    sa.Column("subject", sa.Text, nullable=False, server_default=""),
    sa.Column("body", sa.Text, nullable=False, server_default=""),
    sa.Column("status", sa.String(10), nullable=False, server_default="draft"),
    sa.Column("sent_on", sa.Date, nullable=True),
    sa.Column("version", sa.Integer, nullable=False, server_default="0"),
)

actions = sa.Table(
    "actions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _belongs_to_application(),
    _about_interviewer(),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("due", sa.Date, nullable=False, index=True),
    sa.Column("channel", sa.String(10), nullable=False),
    sa.Column("recipient", sa.String(320), nullable=False, server_default=""),
    sa.Column("status", sa.String(10), nullable=False, server_default="planned"),
    sa.Column("outcome", sa.String(40), nullable=True),
    sa.Column("outcome_note", sa.Text, nullable=False, server_default=""),
    sa.Column("decision_by", sa.Date, nullable=True),
    sa.Column("attempt", sa.Integer, nullable=True),
    sa.Column("why", sa.Text, nullable=False, server_default=""),
    sa.Column("manual", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("done_on", sa.Date, nullable=True),
    # The event id calendars know this follow-up by (see followup/event_ids.py).
    sa.Column("uid", sa.String(120), nullable=False, server_default=""),
)
