"""The database behind the app: SQLAlchemy 2 Core over SQLite by default, or PostgreSQL.

A Store reads and writes the data of one person (an owner: the local one, or
someone signed in with OpenID Connect). Every query is limited to that
person's records, whatever ids it is given: another person's records are
"not found", and nothing of theirs changes.

Every method that saves runs in one transaction: all of it lands, or none.
Records carry a `version`; an update names the version it started from, so a
save made in another tab (or through another app server) in between is
reported instead of overwritten. Each save also bumps the person's
`data_version`, first thing in its transaction: on PostgreSQL that row lock
makes one person's saves take turns, as SQLite's write lock does for all.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import itertools
import json
import operator
import os
import sqlite3
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

import platformdirs
import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.pool import StaticPool

from followup import clock, event_ids, migrations, tables, validation
from followup.errors import NotFound, SchemaTooNew, StaleEdit, StorageError, ValidationFailed
from followup.model import (
    LOCAL_OWNER,
    Action,
    ActionKind,
    ActionStatus,
    Application,
    ApplicationBundle,
    DebriefNotes,
    Interview,
    Interviewer,
    Letter,
    Owner,
    Settings,
)

T = TypeVar("T")

URL_VARIABLE = "FOLLOWUP_DATABASE_URL"
POOL_VARIABLE = "FOLLOWUP_DATABASE_POOL_SIZE"
BUSY_TIMEOUT_MS = 15_000
# Streamlit runs each visitor's rerun in a thread of its own, so a server needs
# about as many connections as reruns at once: POOL_SIZE kept open, twice that
# again in a rush, and a visitor waits at most POOL_WAIT_S for a free one.
POOL_SIZE = 10
POOL_WAIT_S = 30
# Where a save keeps the data version it gives the applications it touches, on its connection.
_REVISION = "followup_revision"
# More applications changed than this, and more than half of all: reading everything is as quick.
_CHANGED_AT_MOST = 500
# Below SQLite's limit on the number of values one statement may bind.
_IDS_PER_STATEMENT = 500
# The package that provides each database driver SQLAlchemy may ask for.
_DRIVER_PACKAGES = {
    "psycopg2": "psycopg2-binary",
    "psycopg": "psycopg[binary]",
    "pg8000": "pg8000",
    "asyncpg": "asyncpg",
    "MySQLdb": "mysqlclient",
    "pymysql": "PyMySQL",
    "mysql": "mysql-connector-python",
    "oracledb": "oracledb",
    "pyodbc": "pyodbc",
}
# Text columns without a length that still hold one line (a header, a link, an id).
_ONE_LINE_TEXT = frozenset({"subject", "job_link", "uid"})


def default_url() -> str:
    """The URL in FOLLOWUP_DATABASE_URL, else a SQLite file in the user's data folder."""
    configured = os.environ.get(URL_VARIABLE, "").strip()
    if configured:
        return configured
    path = default_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def default_file() -> Path:
    """Where the database lives when FOLLOWUP_DATABASE_URL is not set."""
    return Path(platformdirs.user_data_dir("followup", appauthor=False)) / "followup.db"


def _parse_url(url: str) -> sa.URL:
    try:
        parsed = sa.engine.make_url(url)
    except exc.ArgumentError as error:
        raise StorageError(f"{URL_VARIABLE} is not a database URL: {_hidden(url)!r}") from error
    if parsed.get_backend_name() == "postgresql" and parsed.drivername in ("postgresql", "postgres"):
        # PostgreSQL through psycopg 3, the driver requirements.txt installs.
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _hidden(url: str) -> str:
    """The URL without its password, to be shown or logged."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except exc.ArgumentError:
        return url if "@" not in url else "…" + url[url.rindex("@") :]


def pool_size() -> int:
    configured = os.environ.get(POOL_VARIABLE, "").strip()
    if not configured:
        return POOL_SIZE
    if not configured.isdigit() or not 1 <= int(configured) <= 1000:
        raise StorageError(
            f"{POOL_VARIABLE} must be a whole number of connections from 1 to 1000, not {configured!r}."
        )
    return int(configured)


def create_engine(url: str) -> sa.Engine:
    parsed = _parse_url(url)
    if parsed.get_backend_name() == "postgresql":
        return _engine_with_driver(parsed, _postgresql_engine)
    if parsed.get_backend_name() != "sqlite":
        return _engine_with_driver(parsed, lambda url: sa.create_engine(url, pool_pre_ping=True))
    in_memory = parsed.database in (None, "", ":memory:")
    if in_memory:
        # One shared connection, or every thread would see its own empty database.
        engine = sa.create_engine(parsed, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        if not parsed.database.startswith("file:"):
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    _configure_sqlite(engine)
    return engine


def _postgresql_engine(url: sa.URL) -> sa.Engine:
    """Writes run at READ COMMITTED: a versioned UPDATE waits for a concurrent one and then
    finds the version gone, so it is refused as a stale edit, never lost. Reads run as
    read-only REPEATABLE READ transactions, so the queries of one read see one state."""
    size = pool_size()
    return sa.create_engine(
        url,
        pool_size=size,
        max_overflow=2 * size,
        pool_timeout=POOL_WAIT_S,
        # A server restarted, a proxy that closed an idle connection: found before use.
        pool_pre_ping=True,
        pool_recycle=1800,
        connect_args={"connect_timeout": 10, "application_name": "followup"},
    )


def _engine_with_driver(parsed: sa.URL, make: Callable[[sa.URL], sa.Engine]) -> sa.Engine:
    """An engine for a database server, or a message naming the package its driver comes in."""
    try:
        return make(parsed)
    except exc.NoSuchModuleError as error:
        raise StorageError(
            f"{URL_VARIABLE} names a kind of database that is not known here ({parsed.drivername}). "
            "Use a sqlite:// or postgresql:// URL."
        ) from error
    except ModuleNotFoundError as error:
        module = (error.name or "").split(".")[0]
        package = _DRIVER_PACKAGES.get(module, module)
        raise StorageError(
            f"This {parsed.get_backend_name()} database needs the Python package {package!r}, which is "
            f"not installed: run `pip install {package}`, then start followup again."
        ) from error


def _configure_sqlite(engine: sa.Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" event decide how a transaction starts.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # Settings of this connection only: nothing here writes to the file, so a
        # database that is then refused (too new) is left exactly as it was.
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn):
        # A deferred transaction that reads and then writes fails at once with
        # "database is locked" when another writer got there first under WAL;
        # taking the write lock up front makes it wait its turn instead.
        if conn.get_execution_options().get("followup_read_only"):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


_POSTGRESQL_STATES = {
    # By SQLSTATE class or code: https://www.postgresql.org/docs/current/errcodes-appendix.html
    "08": (
        "The database server cannot be reached. Check that it is running and that "
        f"{URL_VARIABLE} points to it; nothing was changed."
    ),
    "28": "The database server refused the user name or password in FOLLOWUP_DATABASE_URL.",
    "3D000": "The database named in FOLLOWUP_DATABASE_URL does not exist on the server: create it first.",
    "40001": "The database is busy with another save. Nothing was lost: try again in a moment.",
    "40P01": "The database is busy with another save. Nothing was lost: try again in a moment.",
    "53100": "The database server's disk is full, so this was not saved. Everything saved before is safe.",
    "53300": "The database server has no free connections right now. Nothing was saved: try again in a moment.",
    "25006": "The database is read-only, so this was not saved. Everything saved before is safe.",
    "57P01": "The database server is restarting. Nothing was saved: try again in a moment.",
}


def _explain(error: exc.DBAPIError) -> str:
    state = getattr(error.orig, "sqlstate", None) or ""
    for key in (state, state[:2]):
        if key in _POSTGRESQL_STATES:
            return _POSTGRESQL_STATES[key]
    text = str(error.orig).lower()
    if "connection" in text and ("refused" in text or "failed" in text or "timeout" in text):
        return _POSTGRESQL_STATES["08"]
    if "locked" in text or "busy" in text:
        return "The database is busy with another save. Nothing was lost: try again in a moment."
    if "readonly" in text or "read-only" in text:
        return "The database is read-only, so this was not saved. Everything saved before is safe."
    if "full" in text:
        return "The disk is full, so this was not saved. Free some space and save again; everything saved before is safe."
    if "unable to open" in text:
        return "The database file cannot be opened. Check that its folder exists and is writable."
    if "malformed" in text or "not a database" in text:
        return (
            "The database file is damaged and cannot be read. Move it aside, start followup again "
            "and restore your latest backup on Your data (or run: python -m followup import FILE)."
        )
    return f"The database refused this change ({error.orig}). Nothing was saved."


_POOL_EXHAUSTED = (
    "Every connection to the database is in use right now (many visitors at once). "
    "Nothing was lost: try again in a moment."
)


@functools.cache
def _field_types(cls: type) -> dict[str, type | None]:
    """For each field of a dataclass, the enum it holds (if any)."""
    found: dict[str, type | None] = {}
    for name, hint in typing.get_type_hints(cls).items():
        candidates = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        found[name] = next((c for c in candidates if isinstance(c, type) and issubclass(c, enum.Enum)), None)
    return found


def _load(cls: type[T], row: sa.Row) -> T:
    values = {}
    for position, name, enum_type in _load_plan(cls, row._fields):
        value = row[position]
        values[name] = enum_type(value) if enum_type and value is not None else value
    return cls(**values)


@functools.cache
def _load_plan(cls: type, columns: tuple[str, ...]) -> tuple[tuple[int, str, type | None], ...]:
    """For rows with these columns: where each field of `cls` is, and the enum it holds.

    Worked out once per query shape, so a list of 20,000 actions costs one look-up each."""
    kinds = _field_types(cls)
    where = {name: position for position, name in enumerate(columns)}
    return tuple(
        (where[field.name], field.name, kinds.get(field.name))
        for field in dataclasses.fields(cls)
        if field.name in where
    )


def is_one_line(table: sa.Table, name: str) -> bool:
    """Whether a text column holds one line (a name, an address, a subject) rather than free text."""
    return name in _one_line_columns(table.name)


@functools.cache
def _one_line_columns(table_name: str) -> frozenset[str]:
    table = tables.metadata.tables[table_name]
    return frozenset(
        column.name
        for column in table.c
        if isinstance(column.type, sa.String)
        and (column.type.length is not None or column.name in _ONE_LINE_TEXT)
    )


def _stored(table: sa.Table, name: str, value):
    """A value as the database keeps it: enums by their value, text without control
    characters, and dates only within the years every part of the app can handle."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, str):
        return validation.clean_text(value, multiline=not is_one_line(table, name))
    if isinstance(value, date):
        problem = validation.date_problem(value)
        if problem:
            raise ValidationFailed({name: problem})
    return value


def _values(obj, table: sa.Table, *, without: tuple[str, ...] = ("id", "version")) -> dict:
    """The columns of `table` that `obj` has (but those in `without`), as the database keeps them."""
    values = {}
    for name, one_line in _value_plan(type(obj), table.name, without):
        value = getattr(obj, name)
        kind = value.__class__
        if kind is str:
            # Plain text, the most common value: the check of _stored without its dispatch.
            value = validation.clean_text(value, multiline=not one_line)
        elif isinstance(value, enum.Enum):
            value = value._value_  # what .value gives, without the descriptor's cost
        elif value is not None and kind is not int and kind is not bool:
            value = _stored(table, name, value)
        values[name] = value
    return values


def _columns(
    records: list, table: sa.Table, dialect: sa.Dialect, without: tuple[str, ...]
) -> dict[str, list]:
    """What `_values` gives for each record, a column at a time, each value already in the
    form the database driver takes.

    For the thousands of rows of a restore: SQLAlchemy's handling of each row's
    parameters took longer than the database's own work, and is done here once per column."""
    plan = _value_plan(type(records[0]), table.name, without)
    names = [name for name, _ in plan]
    values = (
        zip(*map(operator.attrgetter(*names), records), strict=True)
        if len(names) > 1
        else ([getattr(record, names[0]) for record in records],)
    )
    return {
        name: _convert_column(table, name, one_line, column, dialect)
        for (name, one_line), column in zip(plan, values, strict=True)
    }


def _convert_column(table: sa.Table, name: str, one_line: bool, values, dialect: sa.Dialect) -> list:
    """One column's values as `_values` keeps them, then as the driver takes them."""
    column = table.c[name]
    if isinstance(column.type, sa.String):
        texts = list(values)
        if not set(map(type, texts)) <= {str, type(None)}:
            texts = [value if value is None or value.__class__ is str else value._value_ for value in texts]
        return validation.clean_texts(texts, multiline=not one_line)
    kept = list(values)
    if isinstance(column.type, (sa.Date, sa.DateTime)):
        # The earliest and the latest are enough to know that every date is within the years.
        days = [value for value in kept if value is not None]
        for value in (min(days), max(days)) if days else ():
            _stored(table, name, value)
    else:
        kept = [
            value
            if value is None or value.__class__ is int or value.__class__ is bool
            else _stored(table, name, value)
            for value in kept
        ]
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    if process is None:
        return kept
    write = _iso_writer(process, kept) or process
    return [None if value is None else write(value) for value in kept]


# SQLAlchemy writes SQLite's dates and times as ISO text, in Python, one value at a time;
# the standard library's isoformat writes the same text in C, many times faster. Taken
# only when the column's writer writes a probe the same way (its default format: a test
# checks the two agree on any date and time of the years the app stores).
_ISO_WRITERS = {
    date: (operator.methodcaller("isoformat"), date(2001, 2, 3)),
    datetime: (operator.methodcaller("isoformat", " ", "microseconds"), datetime(2001, 2, 3, 4, 5, 6, 7)),
}


def _iso_writer(process: Callable[[object], object], values: list) -> Callable[[object], object] | None:
    """isoformat in the form `process` writes every one of `values` (all of one type), or None."""
    kinds = set(map(type, values)) - {type(None)}
    if len(kinds) != 1:
        return None
    write, probe = _ISO_WRITERS.get(kinds.pop(), (None, None))
    return write if write is not None and process(probe) == write(probe) else None


def _insert_prepared(conn: sa.Connection, table: sa.Table, records: list, *, without, **same) -> None:
    """Insert records whose every column is known (ids included) with one prepared statement,
    each with the columns in `same` too."""
    columns = _columns(records, table, conn.dialect, without)
    columns.update((name, itertools.repeat(value)) for name, value in same.items())
    statement = table.insert().compile(dialect=conn.dialect, column_keys=list(columns))
    if statement.positiontup is None:
        # A driver that takes parameters by name (PostgreSQL's).
        names = list(columns)
        rows = [dict(zip(names, row, strict=True)) for row in zip(*columns.values(), strict=False)]
    else:
        # By position, in the order the statement names its columns (the table's).
        rows = list(zip(*(columns[name] for name in statement.positiontup), strict=False))
    # Not strict: the columns in `same` repeat for ever.
    conn.exec_driver_sql(str(statement), rows)


@functools.cache
def _value_plan(cls: type, table_name: str, without: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    """The columns `_values` takes from a `cls`, each with whether it holds one line of text."""
    table = tables.metadata.tables[table_name]
    fields = {field.name for field in dataclasses.fields(cls)} if dataclasses.is_dataclass(cls) else set()
    return tuple(
        (column.name, is_one_line(table, column.name))
        for column in table.c
        if column.name not in without and (column.name in fields or hasattr(cls, column.name))
    )


def _settings_row(settings: Settings) -> dict:
    values = _values(settings, tables.settings)
    words = {validation.clean_text(word, multiline=False) for word in settings.user_dictionary}
    values["user_dictionary"] = json.dumps(sorted(words))
    return values


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _read_only_urls(parsed: sa.URL) -> list[str]:
    """For a SQLite file we may not write (its folder or itself read-only), the URLs that read it.

    `mode=ro` reads a database that is being written by someone else; a database in
    write-ahead-log mode in a read-only folder can only be read as `immutable`.
    Empty when the file can be written, or is not a plain SQLite file.
    """
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return []
    if parsed.database.startswith("file:"):
        return []
    path = Path(parsed.database).expanduser().resolve()
    if not path.is_file() or _writable(path):
        return []
    location = quote(str(path))
    return [f"sqlite:///file:{location}?mode=ro&uri=true", f"sqlite:///file:{location}?immutable=1&uri=true"]


def _take_uid(previous: dict[tuple, str], application_id: int, action: Action) -> str:
    """The event id of the action a replan replaces with this one, else a new one."""
    key = (
        application_id,
        *event_ids.identity(action.kind, action.interviewer_id, action.recipient, action.attempt),
    )
    return previous.pop(key, None) or event_ids.new_uid()


# Where each table hangs: the column that points at its parent, and the parent.
# An application belongs to its owner; everything else through its application.
_PARENT: dict[str, tuple[str, sa.Table]] = {
    "interviews": ("application_id", tables.applications),
    "letters": ("application_id", tables.applications),
    "actions": ("application_id", tables.applications),
    "interviewers": ("interview_id", tables.interviews),
    "debrief_notes": ("interviewer_id", tables.interviewers),
}
_PARENT_GONE = "What this belongs to no longer exists (was it deleted in another tab?). Nothing was saved."


def _primary(table: sa.Table) -> sa.Column:
    return table.primary_key.columns.values()[0]


def _chunks(ids: list) -> Iterator[list]:
    for start in range(0, len(ids), _IDS_PER_STATEMENT):
        yield ids[start : start + _IDS_PER_STATEMENT]


def _typed_rows(conn: sa.Connection, query: sa.Select) -> tuple[list[str], list[tuple]]:
    """A query's column names and rows, each value of its column's type (dates as `date`)."""
    result = conn.execute(query)
    return list(result.keys()), [tuple(row) for row in result]


def _driver_rows(conn: sa.Connection, query: sa.Select) -> tuple[list[str], list[tuple]]:
    """A query's column names and rows, each value as the driver returns it.

    SQLAlchemy would turn each stored date into a Python object one cell at a
    time, and each row into a Row, most of the time a read of every action
    takes; the overview converts whole columns at once instead (`overview.prepare`)."""
    statement = query.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    names = statement.positiontup
    arguments = statement.params if names is None else tuple(statement.params[name] for name in names)
    result = conn.exec_driver_sql(str(statement), arguments)
    try:
        return list(result.keys()), result.cursor.fetchall()
    finally:
        result.close()


def overview_frames(records: dict[str, tuple[list[str], list[tuple]]]) -> dict:
    """The overview's records (column names and rows, per query) as pandas frames."""
    # Imported here: the command line never needs pandas and starts faster without it.
    import pandas as pd

    # From plain tuples, pandas builds each column in one pass (faster than a dict of columns).
    return {
        name: pd.DataFrame.from_records(rows, columns=columns) for name, (columns, rows) in records.items()
    }


@dataclasses.dataclass(frozen=True)
class OverviewChanges:
    """The answer of `Store.overview_changes`."""

    data_version: int
    # The applications added or changed; None: `rows` holds every application.
    changed: tuple[int, ...] | None
    # When `changed` is None, the overview's frames of every application (see
    # `Store.overview_rows`); else the records of the changed ones, per query its
    # column names and rows (`overview_frames` makes them frames).
    rows: dict
    # Every application id there is, when some were deleted since; else None.
    remaining: frozenset[int] | None

    def records(self) -> dict[str, list[dict]]:
        """The records of the changed applications as dicts, per query."""
        return {
            name: [dict(zip(columns, row, strict=True)) for row in rows]
            for name, (columns, rows) in self.rows.items()
        }


@dataclasses.dataclass(frozen=True)
class Person:
    """One person with data in the database, as an operator sees them (`python -m followup people`)."""

    owner: Owner
    label: str
    applications: int
    since: datetime


class Store:
    """Every query the app needs, for one person, each in its own short transaction.

    Open one with `Store.open` (the local owner) and turn it to another person
    with `for_owner`; both share one engine, so one pool of connections.
    """

    def __init__(self, engine: sa.Engine, owner: Owner, owner_id: int):
        self.engine = engine
        self.owner = owner
        self.owner_id = owner_id
        if engine.dialect.name == "postgresql":
            self._reader = engine.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        else:
            self._reader = engine.execution_options(followup_read_only=True)

    @classmethod
    def open(cls, url: str | None = None, owner: Owner = LOCAL_OWNER) -> Store:
        """Connect, and migrate the schema forward (or refuse a newer one, writing nothing).

        A SQLite file that cannot be written (a read-only folder, say) is opened
        for reading: exports and the due list work, saves say it is read-only.
        """
        url = url or default_url()
        read_only = _read_only_urls(_parse_url(url))
        if read_only:
            return cls._open_read_only(read_only, owner)
        engine = create_engine(url)
        try:
            try:
                migrations.migrate_engine(engine)
            except exc.DBAPIError as error:
                raise StorageError(_explain(error)) from error
            _use_write_ahead_log(engine)
            return cls(engine, owner, _owner_id(engine, owner, create=True))
        except BaseException:
            engine.dispose()
            raise

    @classmethod
    def _open_read_only(cls, urls: list[str], owner: Owner) -> Store:
        problem: StorageError | None = None
        for url in urls:
            engine = create_engine(url)
            try:
                with engine.execution_options(followup_read_only=True).connect() as conn:
                    found = migrations.schema_version(conn)
            except exc.DBAPIError as error:
                engine.dispose()
                problem = StorageError(_explain(error))
                continue
            except BaseException:
                engine.dispose()
                raise
            if found != migrations.CURRENT_VERSION:
                engine.dispose()
                if found > migrations.CURRENT_VERSION:
                    raise SchemaTooNew(found, migrations.CURRENT_VERSION)
                raise StorageError(
                    "This database is read-only, and it was made by an older version of followup: "
                    "open it once where it can be written, so that it can be brought up to date."
                )
            try:
                return cls(engine, owner, _owner_id(engine, owner, create=False))
            except BaseException:
                engine.dispose()
                raise
        raise problem or StorageError("The database file cannot be opened for reading.")

    @classmethod
    def open_existing(cls, url: str | None = None, owner: Owner = LOCAL_OWNER) -> Store:
        """Open the configured database, but never create one: NotFound when there is none yet."""
        url = url or os.environ.get(URL_VARIABLE, "").strip() or f"sqlite:///{default_file()}"
        parsed = _parse_url(url)
        if parsed.get_backend_name() == "sqlite":
            in_memory = parsed.database in (None, "", ":memory:")
            on_disk = not in_memory and not parsed.database.startswith("file:")
            if in_memory or (on_disk and not Path(parsed.database).expanduser().is_file()):
                raise NotFound(
                    f"There is no followup database at {parsed.database or 'memory'} yet: "
                    "open the app once, or run `python -m followup demo`."
                )
        return cls.open(url, owner)

    def for_owner(self, owner: Owner, *, create: bool = True, label: str = "") -> Store:
        """The same database, for another person: added on first use when `create`, else NotFound.

        `label` (the name or email their provider gave) is kept for operators.
        """
        return Store(self.engine, owner, _owner_id(self.engine, owner, create=create, label=label))

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        try:
            with self.engine.begin() as conn:
                # First thing: on PostgreSQL this locks the person's row until the commit,
                # so their saves take turns however many tabs and servers send them.
                bumped = conn.execute(
                    tables.owners.update()
                    .where(tables.owners.c.id == self.owner_id)
                    .values(data_version=tables.owners.c.data_version + 1)
                    .returning(tables.owners.c.data_version)
                ).scalar()
                if bumped is None:
                    raise NotFound(
                        "This account no longer exists here (its data was deleted). Nothing was saved."
                    )
                # The revision each application this save touches is given (see _touch).
                conn.info[_REVISION] = bumped
                yield conn
        except exc.IntegrityError as error:
            raise NotFound(_PARENT_GONE) from error
        except exc.DBAPIError as error:
            raise StorageError(_explain(error)) from error
        except exc.TimeoutError as error:
            raise StorageError(_POOL_EXHAUSTED) from error

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        try:
            with self._reader.connect() as conn:
                yield conn
        except exc.DBAPIError as error:
            raise StorageError(_explain(error)) from error
        except exc.TimeoutError as error:
            raise StorageError(_POOL_EXHAUSTED) from error

    @functools.cached_property
    def identity(self) -> str:
        """Names the data this store reads (a database and a person); key every cache of it on this.

        The database's own random name, given when it was made, where it is, and
        the person: two stores of one database and person share it; two
        databases never do, not even with equal data versions, nor a copy of one
        at another place; nor two people of one database.
        """
        with self._read() as conn:
            name = conn.execute(sa.select(tables.meta.c.database_id)).scalar_one()
        return f"{name}@{self.engine.url.render_as_string(hide_password=True)}#owner={self.owner_id}"

    def data_version(self) -> int:
        """Changes with every save of this person, so a cache keyed on it is never stale."""
        with self._read() as conn:
            return (
                conn.execute(
                    sa.select(tables.owners.c.data_version).where(tables.owners.c.id == self.owner_id)
                ).scalar()
                or 0
            )

    def schema_version(self) -> int:
        with self._read() as conn:
            return migrations.schema_version(conn)

    # -- what belongs to this person ------------------------------------

    def _mine(self, table: sa.Table) -> sa.ColumnElement[bool]:
        """The rows of `table` that belong to this person."""
        if table is tables.applications:
            return table.c.owner_id == self.owner_id
        column, parent = _PARENT[table.name]
        return table.c[column].in_(sa.select(_primary(parent)).where(self._mine(parent)))

    def _require_parent(self, conn: sa.Connection, table: sa.Table, record) -> None:
        """Refuse a record that would hang under another person's record, or under none."""
        column, parent = _PARENT[table.name]
        key = getattr(record, column)
        found = conn.execute(
            sa.select(_primary(parent)).where(_primary(parent) == key, self._mine(parent))
        ).first()
        if found is None:
            raise NotFound(_PARENT_GONE)
        if table is tables.letters or table is tables.actions:
            self._require_interviewers(conn, [(record.application_id, record.interviewer_id)])

    def _require_applications(self, conn: sa.Connection, ids) -> None:
        wanted = sorted(set(ids))
        a = tables.applications
        found: set[int] = set()
        for chunk in _chunks(wanted):
            found.update(conn.execute(sa.select(a.c.id).where(a.c.id.in_(chunk), self._mine(a))).scalars())
        if len(found) != len(wanted):
            raise NotFound(_PARENT_GONE)

    def _require_interviewers(self, conn: sa.Connection, links) -> None:
        """Each (application, interviewer) pair names an interviewer met for that application."""
        pairs = {(application, person) for application, person in links if person is not None}
        p, i = tables.interviewers, tables.interviews
        application_of: dict[int, int] = {}
        for chunk in _chunks(sorted({person for _, person in pairs})):
            rows = conn.execute(
                sa.select(p.c.id, i.c.application_id)
                .join(i, i.c.id == p.c.interview_id)
                .where(p.c.id.in_(chunk))
            )
            application_of.update((person, application) for person, application in rows)
        if any(application_of.get(person) != application for application, person in pairs):
            raise NotFound(_PARENT_GONE)

    # -- revisions --------------------------------------------------------

    def _touch(self, conn: sa.Connection, application_ids) -> None:
        """Mark these applications as changed by this save: their revision becomes its data version."""
        ids = sorted({key for key in application_ids if key is not None})
        a = tables.applications
        for chunk in _chunks(ids):
            conn.execute(
                a.update()
                .where(a.c.id.in_(chunk), a.c.owner_id == self.owner_id)
                .values(revision=conn.info[_REVISION])
            )

    def _applications_of(self, conn: sa.Connection, table: sa.Table, key) -> list[int]:
        """The application a stored record belongs to (none when it is not there, or not mine)."""
        a, i, p = tables.applications, tables.interviews, tables.interviewers
        if table is a:
            query = sa.select(a.c.id).where(a.c.id == key, self._mine(a))
        elif table is p or table is tables.debrief_notes:
            query = (
                sa.select(i.c.application_id)
                .join(p, p.c.interview_id == i.c.id)
                .where(p.c.id == key, self._mine(p))
            )
        else:
            query = sa.select(table.c.application_id).where(_primary(table) == key, self._mine(table))
        return list(conn.execute(query).scalars())

    def _touch_record(self, conn: sa.Connection, table: sa.Table, key) -> None:
        self._touch(conn, self._applications_of(conn, table, key))

    # -- generic helpers ------------------------------------------------

    def _get(self, cls: type[T], table: sa.Table, key, what: str) -> T:
        with self._read() as conn:
            row = conn.execute(sa.select(table).where(_primary(table) == key, self._mine(table))).first()
        if row is None:
            raise NotFound(f"This {what} no longer exists (deleted in another tab?).")
        return _load(cls, row)

    def _list(self, cls: type[T], query: sa.Select) -> list[T]:
        with self._read() as conn:
            return [_load(cls, row) for row in conn.execute(query)]

    def _update_versioned(self, conn: sa.Connection, table: sa.Table, obj, what: str) -> None:
        primary = _primary(table)
        key = getattr(obj, primary.name)
        values = _values(obj, table, without=(primary.name, "version"))
        if table.name in _PARENT and _PARENT[table.name][0] in values:
            self._require_parent(conn, table, obj)
        # Where it was, and (below) where it is now: an edit may move a record to another parent.
        self._touch_record(conn, table, key)
        result = conn.execute(
            table.update()
            .where(primary == key, table.c.version == obj.version, self._mine(table))
            .values(**values, version=obj.version + 1)
        )
        if result.rowcount == 0:
            exists = conn.execute(sa.select(primary).where(primary == key, self._mine(table))).first()
            if exists is None:
                raise NotFound(f"This {what} was deleted in another tab or window.")
            raise StaleEdit(
                f"This {what} was changed in another tab or window after you opened it, "
                "so your edit was not saved yet. Your text is still here: keep yours, or take theirs."
            )
        obj.version += 1
        self._touch_record(conn, table, key)

    def _insert(self, conn: sa.Connection, table: sa.Table, obj) -> int:
        """Insert one record, and mark its application changed."""
        if table is tables.actions and not obj.uid:
            obj.uid = event_ids.new_uid()
        # Values passed as parameters, not baked into the statement, so SQLAlchemy
        # compiles one INSERT per table and reuses it for every row.
        values = _values(obj, table)
        if "owner_id" in table.c:
            values["owner_id"] = self.owner_id
        if table is tables.applications:
            values["revision"] = conn.info[_REVISION]
        new_id = conn.execute(table.insert(), values).inserted_primary_key[0]
        obj.id = new_id
        if table is not tables.applications:
            self._touch_record(conn, table, new_id)
        return new_id

    def _add(self, table: sa.Table, obj) -> int:
        with self._write() as conn:
            self._require_parent(conn, table, obj)
            return self._insert(conn, table, obj)

    def _delete(self, table: sa.Table, key, what: str) -> None:
        with self._write() as conn:
            self._touch_record(conn, table, key)
            deleted = conn.execute(table.delete().where(_primary(table) == key, self._mine(table))).rowcount
            if not deleted:
                raise NotFound(f"This {what} no longer exists (deleted in another tab?).")

    # -- applications ---------------------------------------------------

    def has_applications(self) -> bool:
        """Whether this person has saved any application, without reading them."""
        a = tables.applications
        with self._read() as conn:
            return conn.execute(sa.select(a.c.id).where(self._mine(a)).limit(1)).first() is not None

    def list_applications(self) -> list[Application]:
        a = tables.applications
        query = sa.select(a).where(self._mine(a)).order_by(a.c.created_at.desc(), a.c.id.desc())
        return self._list(Application, query)

    def get_application(self, application_id: int) -> Application:
        return self._get(Application, tables.applications, application_id, "application")

    def add_application(self, application: Application) -> int:
        application.created_at = application.created_at or clock.now().replace(microsecond=0)
        with self._write() as conn:
            return self._insert(conn, tables.applications, application)

    def add_bundles(
        self,
        bundles: list[ApplicationBundle],
        *,
        replace_all: bool = False,
        settings: Settings | None = None,
    ) -> None:
        """Save applications with everything under them in one transaction.

        With `replace_all`, everything this person stored before is deleted in
        the same transaction, so a failure leaves the database exactly as it was.
        """
        with self._write() as conn:
            if replace_all:
                conn.execute(tables.applications.delete().where(self._mine(tables.applications)))
            if settings is not None:
                self._save_settings(conn, settings)
            self._insert_bundles(conn, bundles)

    def add_new_bundles(
        self, bundles: list[ApplicationBundle], identity: Callable[[object], tuple]
    ) -> list[ApplicationBundle]:
        """Save the bundles whose application this person does not have yet, in one transaction.

        `identity` names an application (a saved row or a new one) for that
        comparison. The database is read inside the write transaction, so two
        imports running at once cannot both add the same application.
        Returns the bundles saved.
        """
        a = tables.applications
        with self._write() as conn:
            stored = conn.execute(sa.select(a.c.company, a.c.role, a.c.created_at).where(self._mine(a)))
            existing = {identity(row) for row in stored}
            fresh = [bundle for bundle in bundles if identity(bundle.application) not in existing]
            self._insert_bundles(conn, fresh)
        return fresh

    def _insert_bundles(self, conn: sa.Connection, bundles: list[ApplicationBundle]) -> None:
        """Insert bundles; an action whose event id this person's calendar has already gets a new one.

        Each table's rows go in with multi-row statements, parents first: a restore of
        10,000 applications saves some 130,000 records, and one statement each takes
        a minute."""
        x = tables.actions
        taken = set(conn.execute(sa.select(x.c.uid).where(self._mine(x))).scalars())
        for bundle in bundles:
            for action in bundle.actions:
                if action.uid in taken:
                    action.uid = ""
                action.uid = action.uid or event_ids.new_uid()
                taken.add(action.uid)
        moment = clock.now().replace(microsecond=0)
        applications = [bundle.application for bundle in bundles]
        for application in applications:
            application.created_at = application.created_at or moment
        self._insert_rows(
            conn,
            tables.applications,
            applications,
            owner_id=self.owner_id,
            revision=conn.info[_REVISION],
        )
        interviews, people, notes = [], [], []
        for bundle in bundles:
            for interview, _panel in bundle.interviews:
                interview.application_id = bundle.application.id
                interviews.append(interview)
        self._insert_rows(conn, tables.interviews, interviews)
        # Each bundle's letters and actions name its interviewers by the file's refs.
        references: list[dict[int, Interviewer]] = []
        for bundle in bundles:
            named: dict[int, Interviewer] = {}
            for interview, panel in bundle.interviews:
                for person, person_notes in panel:
                    named[person.id] = person
                    person.interview_id = interview.id
                    people.append(person)
                    if person_notes is not None:
                        notes.append((person, person_notes))
            references.append(named)
        self._insert_rows(conn, tables.interviewers, people)
        for person, person_notes in notes:
            person_notes.interviewer_id = person.id
            person_notes.version = 1
        if notes:
            _insert_prepared(
                conn, tables.debrief_notes, [person_notes for _, person_notes in notes], without=()
            )
        letters, actions = [], []
        for bundle, named in zip(bundles, references, strict=True):
            for record in [*bundle.letters, *bundle.actions]:
                record.application_id = bundle.application.id
                if record.interviewer_id is not None:
                    record.interviewer_id = named[record.interviewer_id].id
            letters += bundle.letters
            actions += bundle.actions
        # Their applications are new, and carry this save's revision already.
        self._insert_many(conn, tables.letters, letters, touch=False)
        self._insert_many(conn, tables.actions, actions, touch=False)

    def _insert_many(
        self, conn: sa.Connection, table: sa.Table, records: list, *, touch: bool = True
    ) -> None:
        """Letters or actions in multi-row statements: a restore of 10,000 applications saves
        70,000 of them, and one statement each takes minutes. The caller checked their parents."""
        if table is tables.actions:
            for action in records:
                action.uid = action.uid or event_ids.new_uid()
        if not records:
            return
        if touch:
            self._touch(conn, {record.application_id for record in records})
        self._insert_rows(conn, table, records)

    @staticmethod
    def _insert_rows(conn: sa.Connection, table: sa.Table, records: list, **same) -> None:
        """Insert records in multi-row statements, each with the columns in `same` too, and give
        each its new id."""
        if not records:
            return
        if conn.dialect.name == "sqlite":
            # SQLite cannot promise the order of RETURNING rows, so SQLAlchemy would send one
            # statement per row. This transaction holds the write lock from its start (BEGIN
            # IMMEDIATE), so the ids after the largest one are free: give them here, as
            # SQLite itself would, and send every row in one prepared statement.
            start = conn.execute(sa.select(sa.func.max(table.c.id))).scalar() or 0
            for new_id, record in enumerate(records, start + 1):
                record.id = new_id
            _insert_prepared(conn, table, records, without=("version",), **same)
            return
        # SQLAlchemy sends these as multi-row statements and hands the new ids back in order.
        rows = [{**_values(record, table), **same} for record in records]
        statement = table.insert().returning(table.c.id, sort_by_parameter_order=True)
        for record, new_id in zip(records, conn.execute(statement, rows).scalars(), strict=True):
            record.id = new_id

    def update_application(self, application: Application) -> None:
        with self._write() as conn:
            self._update_versioned(conn, tables.applications, application, "application")

    def delete_application(self, application_id: int) -> None:
        self._delete(tables.applications, application_id, "application")

    # -- interviews -----------------------------------------------------

    def list_interviews(self, application_id: int | None = None) -> list[Interview]:
        i = tables.interviews
        query = sa.select(i).where(self._mine(i)).order_by(i.c.starts_at, i.c.id)
        if application_id is not None:
            query = query.where(i.c.application_id == application_id)
        return self._list(Interview, query)

    def get_interview(self, interview_id: int) -> Interview:
        return self._get(Interview, tables.interviews, interview_id, "interview")

    def add_interview(self, interview: Interview) -> int:
        return self._add(tables.interviews, interview)

    def update_interview(self, interview: Interview) -> None:
        with self._write() as conn:
            self._update_versioned(conn, tables.interviews, interview, "interview")

    def delete_interview(self, interview_id: int) -> None:
        self._delete(tables.interviews, interview_id, "interview")

    # -- interviewers and their notes -------------------------------------

    def list_interviewers(self, interview_id: int | None = None) -> list[Interviewer]:
        p = tables.interviewers
        query = sa.select(p).where(self._mine(p)).order_by(p.c.id)
        if interview_id is not None:
            query = query.where(p.c.interview_id == interview_id)
        return self._list(Interviewer, query)

    def get_interviewer(self, interviewer_id: int) -> Interviewer:
        return self._get(Interviewer, tables.interviewers, interviewer_id, "interviewer")

    def add_interviewer(self, interviewer: Interviewer) -> int:
        return self._add(tables.interviewers, interviewer)

    def update_interviewer(self, interviewer: Interviewer) -> None:
        with self._write() as conn:
            self._update_versioned(conn, tables.interviewers, interviewer, "interviewer")

    def delete_interviewer(self, interviewer_id: int) -> None:
        self._delete(tables.interviewers, interviewer_id, "interviewer")

    def get_notes(self, interviewer_id: int) -> DebriefNotes:
        """The interviewer's notes; blank ones (version 0) if none were written yet."""
        p, n = tables.interviewers, tables.debrief_notes
        with self._read() as conn:
            row = conn.execute(
                sa.select(p.c.id, n)
                .outerjoin(n, n.c.interviewer_id == p.c.id)
                .where(p.c.id == interviewer_id, self._mine(p))
            ).first()
        if row is None:
            raise NotFound("This interviewer no longer exists (deleted in another tab?).")
        return _load(DebriefNotes, row) if row.interviewer_id is not None else DebriefNotes(interviewer_id)

    def all_notes(self) -> dict[int, DebriefNotes]:
        n = tables.debrief_notes
        return {
            note.interviewer_id: note for note in self._list(DebriefNotes, sa.select(n).where(self._mine(n)))
        }

    def list_notes(self, interview_id: int) -> dict[int, DebriefNotes]:
        n, p = tables.debrief_notes, tables.interviewers
        query = sa.select(n).join(p).where(p.c.interview_id == interview_id, self._mine(p))
        return {note.interviewer_id: note for note in self._list(DebriefNotes, query)}

    def save_notes(self, notes: DebriefNotes) -> None:
        notes.updated_at = clock.now().replace(microsecond=0)
        with self._write() as conn:
            if notes.version != 0:
                self._update_versioned(conn, tables.debrief_notes, notes, "set of notes")
                return
            self._require_parent(conn, tables.debrief_notes, notes)
            try:
                with conn.begin_nested():
                    conn.execute(
                        tables.debrief_notes.insert().values(
                            **_values(notes, tables.debrief_notes, without=("version",)), version=1
                        )
                    )
            except exc.IntegrityError:
                raise StaleEdit(
                    "These notes were written in another tab or window after you opened them, "
                    "so your edit was not saved yet. Your text is still here: keep yours, or take theirs."
                ) from None
            notes.version = 1
            self._touch_record(conn, tables.debrief_notes, notes.interviewer_id)

    # -- letters ----------------------------------------------------------

    def list_letters(self, application_id: int | None = None) -> list[Letter]:
        lt = tables.letters
        query = sa.select(lt).where(self._mine(lt)).order_by(lt.c.id)
        if application_id is not None:
            query = query.where(lt.c.application_id == application_id)
        return self._list(Letter, query)

    def get_letter(self, letter_id: int) -> Letter:
        return self._get(Letter, tables.letters, letter_id, "letter")

    def add_letter(self, letter: Letter) -> int:
        return self._add(tables.letters, letter)

    def update_letter(self, letter: Letter) -> None:
        with self._write() as conn:
            self._update_versioned(conn, tables.letters, letter, "letter")

    def delete_letter(self, letter_id: int) -> None:
        self._delete(tables.letters, letter_id, "letter")

    # -- follow-up actions ------------------------------------------------

    def list_actions(
        self,
        application_id: int | None = None,
        status: ActionStatus | None = None,
        kind: ActionKind | None = None,
    ) -> list[Action]:
        x = tables.actions
        query = sa.select(x).where(self._mine(x)).order_by(x.c.due, x.c.id)
        if application_id is not None:
            query = query.where(x.c.application_id == application_id)
        if status is not None:
            query = query.where(x.c.status == status.value)
        if kind is not None:
            query = query.where(x.c.kind == kind.value)
        return self._list(Action, query)

    def due_actions(self, day: date) -> list[tuple[Action, str, str]]:
        """The planned actions due on or before `day`, each with its application's company and
        role, in one query: the daily digest reads only what it lists."""
        x, a = tables.actions, tables.applications
        query = (
            sa.select(x, a.c.company, a.c.role)
            .join(a, a.c.id == x.c.application_id)
            .where(
                a.c.owner_id == self.owner_id,
                x.c.status == ActionStatus.PLANNED.value,
                x.c.due <= day,
            )
            .order_by(x.c.due, x.c.application_id, x.c.id)
        )
        with self._read() as conn:
            return [(_load(Action, row), row.company, row.role) for row in conn.execute(query)]

    def add_action(self, action: Action) -> int:
        return self._add(tables.actions, action)

    def add_history(self, actions: list[Action], letters: list[Letter]) -> None:
        """Actions and letters of applications already saved, in one transaction."""
        records = [*actions, *letters]
        with self._write() as conn:
            self._require_applications(conn, [r.application_id for r in records])
            self._require_interviewers(conn, [(r.application_id, r.interviewer_id) for r in records])
            self._insert_many(conn, tables.actions, actions)
            self._insert_many(conn, tables.letters, letters)

    def update_action(self, action: Action) -> None:
        """Change a planned action (its day, say); one already logged or skipped is left alone."""
        with self._write() as conn:
            self._update_planned(conn, action)

    def record_attempt(
        self,
        action: Action,
        application: Application | None,
        planned: list[Action],
        letters: Iterable[Letter] = (),
    ) -> None:
        """A logged attempt, the letters it sent, the application's new stage and the new plan, in one transaction.

        An action without an id (an outcome, which nothing planned) is added as it is."""
        with self._write() as conn:
            if action.id is None:
                self._require_parent(conn, tables.actions, action)
                self._insert(conn, tables.actions, action)
            else:
                self._update_planned(conn, action)
            for letter in letters:
                self._update_versioned(conn, tables.letters, letter, "letter")
            if application is not None:
                self._update_versioned(conn, tables.applications, application, "application")
            self._replace_planned(conn, action.application_id, planned)

    def record_letter_unsent(
        self, letter: Letter, action: Action | None, application: Application | None, planned: list[Action]
    ) -> None:
        """A letter back to a draft, the action it had done planned again, the stage and the new plan, in one transaction.

        `action` is the logged action as it now stands (planned again); only an
        action that is still logged is changed, so undoing twice changes nothing twice."""
        x = tables.actions
        with self._write() as conn:
            # The action is checked first: a refusal then leaves the letter (and its version) as it was.
            if action is not None:
                if action.application_id != letter.application_id:
                    raise NotFound("This follow-up action is not the letter's.")
                self._require_parent(conn, x, action)
                if conn.execute(sa.select(x.c.id).where(x.c.id == action.id, self._mine(x))).first() is None:
                    raise NotFound("This follow-up action no longer exists (replanned in another tab?).")
            self._update_versioned(conn, tables.letters, letter, "letter")
            if action is not None:
                conn.execute(
                    x.update()
                    .where(x.c.id == action.id, x.c.status != ActionStatus.PLANNED.value, self._mine(x))
                    .values(**_values(action, x, without=("id", "uid")))
                )
            if application is not None:
                self._update_versioned(conn, tables.applications, application, "application")
            self._replace_planned(conn, letter.application_id, planned)

    def _update_planned(self, conn: sa.Connection, action: Action) -> None:
        """Overwrite an action that is still planned.

        Actions carry no version; their status is enough. Once an attempt is
        logged (in another tab, say), logging it again from a page opened
        before would overwrite what was recorded, so it is refused instead.
        """
        x = tables.actions
        self._require_parent(conn, x, action)
        self._touch(conn, [action.application_id, *self._applications_of(conn, x, action.id)])
        if conn.execute(
            x.update()
            .where(x.c.id == action.id, x.c.status == ActionStatus.PLANNED.value, self._mine(x))
            .values(**_values(action, x))
        ).rowcount:
            return
        if conn.execute(sa.select(x.c.id).where(x.c.id == action.id, self._mine(x))).first() is None:
            raise NotFound("This follow-up action no longer exists (replanned in another tab?).")
        raise StaleEdit(
            "This follow-up was already logged or skipped in another tab or window, so nothing was "
            "changed. The plan below shows what was recorded."
        )

    def update_replanned(
        self, record: Application | Interview | Interviewer, application_id: int, planned: list[Action]
    ) -> None:
        """An application, interview or business card changed, and the application's new plan, in one transaction."""
        table, what = {
            Application: (tables.applications, "application"),
            Interview: (tables.interviews, "interview"),
            Interviewer: (tables.interviewers, "interviewer"),
        }[type(record)]
        with self._write() as conn:
            self._update_versioned(conn, table, record, what)
            self._replace_planned(conn, application_id, planned)

    def replace_planned(self, application_id: int, planned: list[Action]) -> None:
        """Make `planned` the plan of one application.

        Automatic actions are swapped for the new ones; an action the user moved
        by hand stays when `planned` still holds it and goes when it does not
        (a withdrawal cancels even those)."""
        with self._write() as conn:
            self._replace_planned(conn, application_id, planned)

    def replace_all_planned(self, plans: dict[int, list[Action]]) -> None:
        """`replace_planned` for many applications in one transaction, e.g. after the settings changed.

        Rows go in with one multi-row insert: one statement per action makes a
        thousand applications take seconds instead of a fraction of one.
        """
        ids = list(plans)
        kept = {action.id for planned in plans.values() for action in planned if action.manual}
        with self._write() as conn:
            self._require_applications(conn, ids)
            self._touch(conn, ids)
            uids = self._planned_uids(conn, ids)
            automatic = [
                {
                    **_values(action, tables.actions),
                    "application_id": application_id,
                    "uid": _take_uid(uids, application_id, action),
                }
                for application_id, planned in plans.items()
                for action in planned
                if not action.manual
            ]
            self._require_interviewers(
                conn, [(row["application_id"], row["interviewer_id"]) for row in automatic]
            )
            for chunk in _chunks(ids):
                conn.execute(
                    tables.actions.delete().where(
                        tables.actions.c.application_id.in_(chunk),
                        tables.actions.c.status == ActionStatus.PLANNED.value,
                        tables.actions.c.manual == sa.false(),
                    )
                )
            self._drop_manual(conn, ids, kept)
            if automatic:
                conn.execute(tables.actions.insert(), automatic)

    def _planned_uids(self, conn: sa.Connection, application_ids: list[int]) -> dict[tuple, str]:
        """The event ids of the automatic planned actions of these applications, by what each action is.

        The applications were checked to be this person's before."""
        x = tables.actions
        found: dict[tuple, str] = {}
        for chunk in _chunks(application_ids):
            rows = conn.execute(
                sa.select(
                    x.c.application_id, x.c.kind, x.c.interviewer_id, x.c.recipient, x.c.attempt, x.c.uid
                )
                .where(
                    x.c.application_id.in_(chunk),
                    x.c.status == ActionStatus.PLANNED.value,
                    x.c.manual == sa.false(),
                )
                .order_by(x.c.id)
            )
            for row in rows:
                key = (
                    row.application_id,
                    *event_ids.identity(row.kind, row.interviewer_id, row.recipient, row.attempt),
                )
                found.setdefault(key, row.uid)
        return found

    def _replace_planned(self, conn: sa.Connection, application_id: int, planned: list[Action]) -> None:
        self._require_applications(conn, [application_id])
        self._touch(conn, [application_id])
        uids = self._planned_uids(conn, [application_id])
        automatic = [action for action in planned if not action.manual]
        self._require_interviewers(conn, [(application_id, action.interviewer_id) for action in automatic])
        conn.execute(
            tables.actions.delete().where(
                tables.actions.c.application_id == application_id,
                tables.actions.c.status == ActionStatus.PLANNED.value,
                tables.actions.c.manual == sa.false(),
            )
        )
        self._drop_manual(conn, [application_id], {a.id for a in planned if a.manual})
        for action in automatic:
            action.application_id = application_id
            action.uid = _take_uid(uids, application_id, action)
            self._insert(conn, tables.actions, action)

    def _drop_manual(self, conn: sa.Connection, application_ids: list[int], kept: set[int | None]) -> None:
        """Delete the actions moved by hand that the new plans of these applications no longer hold.

        The applications were checked to be this person's before."""
        x = tables.actions
        gone = []
        for chunk in _chunks(application_ids):
            gone += [
                action_id
                for action_id in conn.execute(
                    sa.select(x.c.id).where(
                        x.c.application_id.in_(chunk),
                        x.c.status == ActionStatus.PLANNED.value,
                        x.c.manual == sa.true(),
                    )
                ).scalars()
                if action_id not in kept
            ]
        for chunk in _chunks(gone):
            conn.execute(x.delete().where(x.c.id.in_(chunk)))

    # -- settings ---------------------------------------------------------

    def get_settings(self) -> Settings:
        with self._read() as conn:
            row = conn.execute(
                sa.select(tables.settings).where(tables.settings.c.owner_id == self.owner_id)
            ).first()
        if row is None:
            return Settings()
        settings = _load(Settings, row)
        settings.user_dictionary = json.loads(row.user_dictionary or "[]")
        return settings

    def save_settings(self, settings: Settings) -> None:
        with self._write() as conn:
            self._save_settings(conn, settings)

    def _save_settings(self, conn: sa.Connection, settings: Settings) -> None:
        # The person's row was locked by _write, so no other save can add their settings in between.
        s = tables.settings
        values = _settings_row(settings)
        if not conn.execute(s.update().where(s.c.owner_id == self.owner_id).values(**values)).rowcount:
            conn.execute(s.insert().values(**values, owner_id=self.owner_id))

    # -- everything ---------------------------------------------------------

    def delete_all_data(self) -> None:
        """Delete this person: every application with everything under it, and their settings."""
        with self._write() as conn:
            conn.execute(tables.owners.delete().where(tables.owners.c.id == self.owner_id))

    # -- overview -----------------------------------------------------------

    def overview_rows(self, application_ids=None) -> dict:
        """What the overview needs, as pandas frames, in four queries and one read.

        Keys: "applications" (with each one's `revision`), "interviews",
        "actions" (with `interview_at`, when the interview of the action's
        interviewer began) and "letters" (no bodies). Every application, or
        only those in `application_ids` (the lanes of one page of the
        timeline). Dates stay as the driver returns them; the overview converts
        whole columns at once, which is far faster than one object per cell.
        """
        with self._read() as conn, conn.begin():
            return self._overview_frames(conn, application_ids)

    def overview_changes(self, since: int | None, known: frozenset[int] = frozenset()) -> OverviewChanges:
        """What changed in the overview's data since the saved state `since` (a data version).

        `known` holds the ids of the applications the caller has for that state. One
        read, so everything returned belongs to one saved state: its data
        version, the applications added or changed since (each save gives the
        applications it touches its own data version as their revision), the
        overview rows of those only, and, when some were deleted, every id
        left. Everything when `since` is None, or when so much changed that
        reading it all is as quick.
        """
        a, o = tables.applications, tables.owners
        with self._read() as conn, conn.begin():
            version = conn.execute(sa.select(o.c.data_version).where(o.c.id == self.owner_id)).scalar() or 0
            if since is None:
                return OverviewChanges(version, None, self._overview_frames(conn, None, words=False), None)
            changed = sorted(
                conn.execute(sa.select(a.c.id).where(self._mine(a), a.c.revision > since)).scalars()
            )
            count = conn.execute(sa.select(sa.func.count()).select_from(a).where(self._mine(a))).scalar_one()
            if len(changed) > _CHANGED_AT_MOST and 2 * len(changed) > count:
                return OverviewChanges(version, None, self._overview_frames(conn, None, words=False), None)
            # Every change gives a revision above `since`, so unless some were deleted
            # the applications now are those known and those changed.
            remaining = None
            if count < len(known.union(changed)):
                remaining = frozenset(conn.execute(sa.select(a.c.id).where(self._mine(a))).scalars())
            records: dict[str, tuple[list[str], list[tuple]]] = {}
            for chunk in _chunks(changed) if changed else [[]]:
                for name, (columns, rows) in self._overview_records(conn, chunk, words=False).items():
                    records.setdefault(name, (columns, []))[1].extend(rows)
            return OverviewChanges(version, tuple(changed), records, remaining)

    def _overview_frames(self, conn: sa.Connection, application_ids, *, words: bool = True) -> dict:
        return overview_frames(self._overview_records(conn, application_ids, words=words, read=_driver_rows))

    def _overview_records(
        self, conn: sa.Connection, application_ids, *, words: bool = True, read=_typed_rows
    ) -> dict[str, tuple[list[str], list[tuple]]]:
        """For each of the overview's queries: its column names and its rows, read by `read`
        (each value as SQLAlchemy types it, unless told otherwise).

        Without `words`, only what the table and the figures need: not the actions' reasons,
        the interviews' rounds and formats, nor when each application was added (the
        timeline's words, most of what there is to read)."""
        a, i, p, x = tables.applications, tables.interviews, tables.interviewers, tables.actions
        lt = tables.letters
        words_of = {
            a: [a.c.created_at] if words else [],
            i: [i.c.round, i.c.format] if words else [],
            x: [x.c.why] if words else [],
        }
        queries = {
            "applications": sa.select(
                a.c.id, a.c.company, a.c.role, a.c.status, a.c.job_link, a.c.revision, *words_of[a]
            ),
            "interviews": sa.select(i.c.id, i.c.application_id, i.c.starts_at, i.c.decision_by, *words_of[i]),
            "actions": sa.select(
                x.c.id,
                x.c.application_id,
                x.c.interviewer_id,
                x.c.kind,
                x.c.due,
                x.c.channel,
                x.c.recipient,
                x.c.status,
                x.c.outcome,
                x.c.decision_by,
                x.c.done_on,
                i.c.starts_at.label("interview_at"),
                *words_of[x],
            )
            .outerjoin(p, p.c.id == x.c.interviewer_id)
            .outerjoin(i, i.c.id == p.c.interview_id),
            "letters": sa.select(
                lt.c.id, lt.c.application_id, lt.c.interviewer_id, lt.c.kind, lt.c.status, lt.c.sent_on
            ),
        }
        application_of = {
            "applications": a.c.id,
            "interviews": i.c.application_id,
            "actions": x.c.application_id,
            "letters": lt.c.application_id,
        }
        # This person's applications (those asked for): SQLite lists the ids of this
        # subquery before it reads, so it is limited to the ids wanted when there are some.
        owned = sa.select(a.c.id).where(a.c.owner_id == self.owner_id)
        if application_ids is not None:
            owned = owned.where(a.c.id.in_(list(application_ids)))
        records = {}
        for name, everything in queries.items():
            if application_ids is not None and not application_ids:
                # Nothing asked for: nothing to read (an empty IN can still scan every row).
                records[name] = ([column.name for column in everything.selected_columns], [])
                continue
            if name == "applications":
                query = everything.where(a.c.owner_id == self.owner_id)
                if application_ids is not None:
                    query = query.where(a.c.id.in_(list(application_ids)))
            else:
                query = everything.where(application_of[name].in_(owned))
            records[name] = read(conn, query.order_by(query.selected_columns[0]))
        return records

    def record_letter_sent(
        self, letter: Letter, action: Action, application: Application | None, planned: list[Action]
    ) -> None:
        """A letter marked sent, the follow-up action it did, the application's
        new stage and the new plan, in one transaction. An action without an id
        (nothing was planned for this letter) is added as it is."""
        with self._write() as conn:
            self._update_versioned(conn, tables.letters, letter, "letter")
            if action.id is None:
                self._require_parent(conn, tables.actions, action)
                self._insert(conn, tables.actions, action)
            else:
                self._update_planned(conn, action)
            if application is not None:
                self._update_versioned(conn, tables.applications, application, "application")
            self._replace_planned(conn, letter.application_id, planned)


def _owner_id(engine: sa.Engine, owner: Owner, *, create: bool, label: str = "") -> int:
    """The id of `owner`'s row, added when `create` (a first sign-in), else NotFound."""
    o = tables.owners
    where = (o.c.issuer == owner.issuer) & (o.c.subject == owner.subject)
    label = label[: o.c.label.type.length]
    try:
        with engine.execution_options(followup_read_only=True).connect() as reader:
            found = reader.execute(sa.select(o.c.id, o.c.label).where(where)).first()
        if found is not None and (not label or found.label == label):
            return found.id
        if found is None and not create:
            raise NotFound(f"No one signed in as {owner} has data in this database.")
        with engine.connect() as conn, conn.begin():
            if found is None:
                conn.execute(
                    _insert_new(conn, o).values(
                        issuer=owner.issuer,
                        subject=owner.subject,
                        label=label,
                        created_at=clock.now().replace(microsecond=0),
                    )
                )
            elif label:
                conn.execute(o.update().where(o.c.id == found.id).values(label=label))
            return conn.execute(sa.select(o.c.id).where(where)).scalar_one()
    except exc.DBAPIError as error:
        raise StorageError(_explain(error)) from error
    except exc.TimeoutError as error:
        raise StorageError(_POOL_EXHAUSTED) from error


def _use_write_ahead_log(engine: sa.Engine) -> None:
    """Readers never wait for a writer, nor a writer for readers (SQLite files only).

    Set once the schema is known to be ours: the mode is written into the file.
    """
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return
    connection = engine.raw_connection()
    try:
        connection.driver_connection.execute("PRAGMA journal_mode=WAL")
    except sqlite3.OperationalError:
        pass  # opened read-only by its URL: it stays in the mode it has
    finally:
        connection.close()


def _insert_new(conn: sa.Connection, table: sa.Table):
    """An INSERT that does nothing when the row is there already (two first sign-ins at once)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table).on_conflict_do_nothing()


def people(store: Store) -> list[Person]:
    """Everyone with a row in the database behind `store`, for operators: never shown in the app."""
    o, a = tables.owners, tables.applications
    query = (
        sa.select(o.c.issuer, o.c.subject, o.c.label, o.c.created_at, sa.func.count(a.c.id))
        .outerjoin(a, a.c.owner_id == o.c.id)
        .group_by(o.c.id, o.c.issuer, o.c.subject, o.c.label, o.c.created_at)
        .order_by(o.c.created_at, o.c.id)
    )
    with store._read() as conn:
        return [
            Person(Owner(issuer, subject), label, count, since)
            for issuer, subject, label, since, count in conn.execute(query)
        ]
