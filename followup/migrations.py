"""Bring any older database forward to the current schema, in one transaction.

Each step creates the tables that first appeared in its version from the
current definitions in `tables.py`, and adds columns only if they are missing.
That way a database created today and one created long ago end in the same
schema, and no table is described twice. A test checks the result against
`tables.metadata` column by column.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import sqlalchemy as sa

from followup import tables
from followup.errors import SchemaTooNew, StorageError

Step = Callable[[sa.Connection], None]


def _create(*new_tables: sa.Table) -> Step:
    def step(conn: sa.Connection) -> None:
        for table in new_tables:
            table.create(conn, checkfirst=True)

    return step


def _add_columns(table: sa.Table, *names: str) -> Step:
    """Add columns of `table` (as `tables.py` defines them) that an older database lacks."""

    def step(conn: sa.Connection) -> None:
        present = {c["name"] for c in sa.inspect(conn).get_columns(table.name)}
        for name in names:
            if name not in present:
                column = sa.schema.CreateColumn(table.c[name]).compile(dialect=conn.dialect)
                conn.execute(sa.text(f"ALTER TABLE {table.name} ADD COLUMN {column}"))

    return step


def _name_the_database(conn: sa.Connection) -> None:
    conn.execute(
        tables.meta.update().where(tables.meta.c.database_id.is_(None)).values(database_id=uuid.uuid4().hex)
    )


def _seed_single_rows(conn: sa.Connection) -> None:
    if conn.execute(sa.select(sa.func.count()).select_from(tables.settings)).scalar_one() == 0:
        conn.execute(tables.settings.insert().values(id=1))


# (version, what it brings, how). Append only: never edit a released step.
STEPS: list[tuple[int, str, list[Step]]] = [
    (
        1,
        "applications, interviews, interviewers, debrief notes and settings",
        [
            _create(
                tables.meta,
                tables.settings,
                tables.applications,
                tables.interviews,
                tables.interviewers,
                tables.debrief_notes,
            ),
            _seed_single_rows,
        ],
    ),
    (2, "letters and follow-up actions", [_create(tables.letters, tables.actions)]),
    (
        3,
        "a name for the database, which caches of its contents are keyed on",
        [_add_columns(tables.meta, "database_id"), _name_the_database],
    ),
]

CURRENT_VERSION = STEPS[-1][0]


def schema_version(conn: sa.Connection) -> int:
    """0 for an empty database; refuse one that holds tables we did not make."""
    names = set(sa.inspect(conn).get_table_names())
    if "meta" not in names:
        if names:
            raise StorageError(
                "This database already holds other tables and was not made by followup; "
                "point FOLLOWUP_DATABASE_URL at a new or a followup database."
            )
        return 0
    version = conn.execute(sa.select(tables.meta.c.schema_version)).scalar()
    return version or 0


def migrate(conn: sa.Connection, steps: list[tuple[int, str, list[Step]]] = STEPS) -> int:
    """Apply every step newer than the database. Returns the version reached."""
    current = schema_version(conn)
    target = steps[-1][0]
    if current > target:
        raise SchemaTooNew(current, target)
    for version, _description, actions in steps:
        if version <= current:
            continue
        for action in actions:
            action(conn)
        _set_version(conn, version)
    return max(current, target)


def _set_version(conn: sa.Connection, version: int) -> None:
    updated = conn.execute(tables.meta.update().values(schema_version=version)).rowcount
    if not updated:
        conn.execute(tables.meta.insert().values(id=1, schema_version=version, data_version=0))
