"""Bring any older database forward to the current schema, in one transaction.

A new database is made from `tables.py` in one go. A database made by an
older version of followup runs the steps after its version, in order; each
step creates the tables that first appeared in its version from the current
definitions and adds columns only if they are missing, so a database created
today and one created long ago end in the same schema, and no table is
described twice. A test checks the result against `tables.metadata` column by
column, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import sqlalchemy as sa

from followup import clock, event_ids, tables
from followup.errors import SchemaTooNew, StorageError
from followup.model import LOCAL_OWNER

Step = Callable[[sa.Connection], None]

# Any number will do, as long as it is the same for every app server: it names
# the PostgreSQL lock that makes two servers starting at once migrate in turn.
_MIGRATION_LOCK = 7_402_611


def _create(*new_tables: sa.Table) -> Step:
    def step(conn: sa.Connection) -> None:
        for table in new_tables:
            table.create(conn, checkfirst=True)

    return step


def _add_columns(table: sa.Table, *names: str) -> Step:
    """Add columns of `table` (as tables.py defines them) that an older database lacks."""

    def step(conn: sa.Connection) -> None:
        present = {column["name"] for column in sa.inspect(conn).get_columns(table.name)}
        for name in names:
            if name not in present:
                definition = sa.schema.CreateColumn(table.c[name]).compile(dialect=conn.dialect)
                conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {definition}")

    return step


def _create_index(name: str) -> Step:
    """Create an index tables.py defines, unless the database has it already."""

    def step(conn: sa.Connection) -> None:
        index = next(i for table in tables.metadata.tables.values() for i in table.indexes if i.name == name)
        index.create(conn, checkfirst=True)

    return step


def _give_actions_their_event_ids(conn: sa.Connection) -> None:
    """Store the id each action's calendar event already had, so calendars keep matching.

    Calendar files used to build it from database ids, numbering a repeat
    within one file in the order of its events; the same order is used here.
    """
    x = tables.actions
    rows = conn.execute(
        sa.select(x.c.id, x.c.application_id, x.c.kind, x.c.interviewer_id, x.c.recipient, x.c.attempt)
        .where(x.c.uid == "")
        .order_by(x.c.status != "planned", x.c.due, x.c.application_id, x.c.id)
    ).all()
    used = set(conn.execute(sa.select(x.c.uid).where(x.c.uid != "")).scalars())
    changes = [
        {
            "key": row.id,
            "uid": event_ids.distinct(
                event_ids.legacy_uid(
                    row.application_id, row.kind, row.interviewer_id, row.recipient, row.attempt
                ),
                used,
            ),
        }
        for row in rows
    ]
    if changes:
        conn.execute(x.update().where(x.c.id == sa.bindparam("key")).values(uid=sa.bindparam("uid")), changes)


def _name_the_database(conn: sa.Connection) -> None:
    conn.execute(
        tables.meta.update().where(tables.meta.c.database_id.is_(None)).values(database_id=uuid.uuid4().hex)
    )


def _seed_single_rows(conn: sa.Connection) -> None:
    if conn.execute(sa.select(sa.func.count()).select_from(tables.settings)).scalar_one() == 0:
        conn.execute(tables.settings.insert().values(id=1))


def local_owner_id(conn: sa.Connection) -> int:
    """The id of the local owner (the one person of the local app), added if missing."""
    o = tables.owners
    where = (o.c.issuer == LOCAL_OWNER.issuer) & (o.c.subject == LOCAL_OWNER.subject)
    found = conn.execute(sa.select(o.c.id).where(where)).scalar()
    if found is not None:
        return found
    return conn.execute(
        o.insert().values(
            issuer=LOCAL_OWNER.issuer,
            subject=LOCAL_OWNER.subject,
            created_at=clock.now().replace(microsecond=0),
        )
    ).inserted_primary_key[0]


def _columns(conn: sa.Connection, table: sa.Table) -> set[str]:
    return {column["name"] for column in sa.inspect(conn).get_columns(table.name)}


def _add_owner(conn: sa.Connection, table: sa.Table, owner_id: int) -> None:
    """Add `owner_id` to a table that has rows already, every row going to `owner_id`."""
    column = table.c.owner_id
    if conn.dialect.name == "sqlite":
        # SQLite cannot add a NOT NULL column with a foreign key: build the table anew.
        _rebuild_sqlite(conn, table, {"owner_id": owner_id})
        return
    name = conn.dialect.identifier_preparer.format_table(table)
    unique = " UNIQUE" if column.unique else ""
    conn.exec_driver_sql(
        f"ALTER TABLE {name} ADD COLUMN owner_id INTEGER{unique} REFERENCES owners (id) ON DELETE CASCADE"
    )
    conn.execute(table.update().values(owner_id=owner_id))
    conn.exec_driver_sql(f"ALTER TABLE {name} ALTER COLUMN owner_id SET NOT NULL")
    present = _columns(conn, table)
    for index in table.indexes:
        # An index over a column a later step adds is made by that step.
        if column.name in index.columns and all(c.name in present for c in index.columns):
            index.create(conn)


def _rebuild_sqlite(conn: sa.Connection, table: sa.Table, filled: dict[str, object]) -> None:
    """SQLite's way to change a table: a copy with the new definition, the rows, then the swap.

    Runs with foreign keys off (see `migrate_engine`), so dropping the old
    table deletes nothing under it; the tables that point at it point at the
    copy once it takes the old name.
    """
    copy_name = f"_new_{table.name}"
    scratch = sa.MetaData()
    for other in tables.metadata.tables.values():
        if other is not table:
            other.to_metadata(scratch)
    copy = table.to_metadata(scratch, name=copy_name)
    conn.execute(sa.schema.CreateTable(copy))
    kept = [name for name in _columns(conn, table) if name in table.c and name not in filled]
    names = ", ".join([*kept, *filled])
    placeholders = ", ".join([*kept, *(f":{name}" for name in filled)])
    conn.execute(
        sa.text(f"INSERT INTO {copy_name} ({names}) SELECT {placeholders} FROM {table.name}"), filled
    )
    conn.exec_driver_sql(f"DROP TABLE {table.name}")
    conn.exec_driver_sql(f"ALTER TABLE {copy_name} RENAME TO {table.name}")
    for index in table.indexes:
        index.create(conn)


def _owners(conn: sa.Connection) -> None:
    tables.owners.create(conn, checkfirst=True)
    owner_id = local_owner_id(conn)
    for table in (tables.applications, tables.settings):
        if "owner_id" not in _columns(conn, table):
            _add_owner(conn, table, owner_id)
    # The count of saves moved to each owner's row.
    if "data_version" in _columns(conn, tables.meta):
        conn.exec_driver_sql("ALTER TABLE meta DROP COLUMN data_version")


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
        "a salutation on the business card; the answer to a concern and the corrected answer in the notes",
        [
            _add_columns(tables.interviewers, "salutation"),
            _add_columns(tables.debrief_notes, "concern_answer", "amended_answer"),
        ],
    ),
    (
        4,
        "the region (state, province, Land) whose holidays count",
        [_add_columns(tables.settings, "subdivision")],
    ),
    (
        5,
        "people: every application and each person's settings belong to one (OpenID issuer and subject)",
        [_owners],
    ),
    (
        6,
        "a calendar event id stored with each follow-up action",
        [_add_columns(tables.actions, "uid"), _give_actions_their_event_ids],
    ),
    (
        7,
        "a name for the database, which caches of its contents are keyed on",
        [_add_columns(tables.meta, "database_id"), _name_the_database],
    ),
    (
        8,
        "a revision on each application: the save that last changed it or anything under it",
        [_add_columns(tables.applications, "revision"), _create_index("ix_applications_owner_revision")],
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


def migrate(conn: sa.Connection) -> int:
    """Make a new database, or apply every step newer than the database. Returns the version reached."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_MIGRATION_LOCK)))
    current = schema_version(conn)
    if current > CURRENT_VERSION:
        raise SchemaTooNew(current, CURRENT_VERSION)
    if current == 0:
        tables.metadata.create_all(conn)
        local_owner_id(conn)
        _set_version(conn, CURRENT_VERSION)
        _name_the_database(conn)
        return CURRENT_VERSION
    for version, _description, actions in STEPS:
        if version <= current:
            continue
        for action in actions:
            action(conn)
        _set_version(conn, version)
    return CURRENT_VERSION


def migrate_engine(engine: sa.Engine) -> int:
    """`migrate` in one transaction of its own.

    On SQLite, foreign keys are off while it runs (a table is rebuilt by
    dropping the old one, which would otherwise delete everything under it),
    and checked in full before it commits.
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        if sqlite:
            # Outside any transaction, where SQLite honours it; SQLAlchemy has not begun one yet.
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                reached = migrate(conn)
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise StorageError(
                        "The database holds records that point at nothing, so it was not upgraded "
                        "and was left as it was."
                    )
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")
    return reached


def _set_version(conn: sa.Connection, version: int) -> None:
    updated = conn.execute(tables.meta.update().values(schema_version=version)).rowcount
    if not updated:
        conn.execute(tables.meta.insert().values(id=1, schema_version=version))
