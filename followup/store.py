"""The database behind the app: SQLAlchemy 2 Core over SQLite by default.

Every method that saves runs in one transaction: all of it lands, or none.
Records carry a `version`; an update names the version it started from, so a
save made in another tab in between is reported instead of overwritten.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import os
import types
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import platformdirs
import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.pool import StaticPool

from followup import clock, migrations, tables
from followup.errors import NotFound, StaleEdit, StorageError
from followup.model import (
    Action,
    ActionKind,
    ActionStatus,
    Application,
    ApplicationBundle,
    DebriefNotes,
    Interview,
    Interviewer,
    Letter,
    Settings,
)

T = TypeVar("T")

URL_VARIABLE = "FOLLOWUP_DATABASE_URL"
BUSY_TIMEOUT_MS = 15_000
# Below SQLite's limit on the number of values one statement may bind.
_IDS_PER_STATEMENT = 500


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


def create_engine(url: str) -> sa.Engine:
    try:
        parsed = sa.engine.make_url(url)
    except exc.ArgumentError as error:
        raise StorageError(f"{URL_VARIABLE} is not a database URL: {url!r}") from error
    if parsed.get_backend_name() != "sqlite":
        return sa.create_engine(parsed, pool_pre_ping=True)
    in_memory = parsed.database in (None, "", ":memory:")
    if in_memory:
        # One shared connection, or every thread would see its own empty database.
        engine = sa.create_engine(parsed, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        if not parsed.database.startswith("file:"):
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    _configure_sqlite(engine, wal=not in_memory)
    return engine


def _configure_sqlite(engine: sa.Engine, *, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" event decide how a transaction starts.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
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


def _explain(error: exc.DBAPIError) -> str:
    text = str(error.orig).lower()
    if "locked" in text or "busy" in text:
        return "The database is busy with another save. Nothing was lost: try again in a moment."
    if "readonly" in text or "read-only" in text:
        return "The database is read-only, so this was not saved. Everything saved before is safe."
    if "full" in text:
        return "The disk is full, so this was not saved. Free some space and save again; everything saved before is safe."
    if "unable to open" in text:
        return "The database file cannot be opened. Check that its folder exists and is writable."
    return f"The database refused this change ({error.orig}). Nothing was saved."


@functools.cache
def _field_types(cls: type) -> dict[str, type | None]:
    """For each field of a dataclass, the enum it holds (if any)."""
    found: dict[str, type | None] = {}
    for name, hint in typing.get_type_hints(cls).items():
        candidates = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        found[name] = next((c for c in candidates if isinstance(c, type) and issubclass(c, enum.Enum)), None)
    return found


def _load(cls: type[T], row: sa.Row) -> T:
    mapping = row._mapping
    kinds = _field_types(cls)
    values = {}
    for field in dataclasses.fields(cls):
        if field.name not in mapping:
            continue
        value = mapping[field.name]
        enum_type = kinds.get(field.name)
        values[field.name] = enum_type(value) if enum_type and value is not None else value
    return cls(**values)


def _values(obj, table: sa.Table, *, without: tuple[str, ...] = ("id", "version")) -> dict:
    values = {}
    for column in table.c:
        if column.name in without or not hasattr(obj, column.name):
            continue
        value = getattr(obj, column.name)
        values[column.name] = value.value if isinstance(value, enum.Enum) else value
    return values


def _settings_row(settings: Settings) -> dict:
    values = _values(settings, tables.settings)
    values["user_dictionary"] = json.dumps(sorted(set(settings.user_dictionary)))
    return values


class Store:
    """Every query the app needs, each in its own short transaction."""

    def __init__(self, engine: sa.Engine):
        self.engine = engine
        self._reader = engine.execution_options(followup_read_only=True)

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Connect, and migrate the schema forward (or refuse a newer one)."""
        store = cls(create_engine(url or default_url()))
        with store._write(count_as_change=False) as conn:
            migrations.migrate(conn)
        return store

    @classmethod
    def open_existing(cls, url: str | None = None) -> Store:
        """Open the configured database, but never create one: NotFound when there is none yet."""
        url = url or os.environ.get(URL_VARIABLE, "").strip() or f"sqlite:///{default_file()}"
        try:
            parsed = sa.engine.make_url(url)
        except exc.ArgumentError as error:
            raise StorageError(f"{URL_VARIABLE} is not a database URL: {url!r}") from error
        if parsed.get_backend_name() == "sqlite":
            in_memory = parsed.database in (None, "", ":memory:")
            on_disk = not in_memory and not parsed.database.startswith("file:")
            if in_memory or (on_disk and not Path(parsed.database).expanduser().is_file()):
                raise NotFound(
                    f"There is no followup database at {parsed.database or 'memory'} yet: "
                    "open the app once, or run `python -m followup demo`."
                )
        return cls.open(url)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self, *, count_as_change: bool = True) -> Iterator[sa.Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
                if count_as_change:
                    conn.execute(tables.meta.update().values(data_version=tables.meta.c.data_version + 1))
        except exc.IntegrityError as error:
            raise NotFound(
                "What this belongs to no longer exists (was it deleted in another tab?). Nothing was saved."
            ) from error
        except exc.DBAPIError as error:
            raise StorageError(_explain(error)) from error

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        try:
            with self._reader.connect() as conn:
                yield conn
        except exc.DBAPIError as error:
            raise StorageError(_explain(error)) from error

    @functools.cached_property
    def identity(self) -> str:
        """A name for the database this store reads, unique to it; key every cache of its contents on it.

        The database's own random name, given when it was made, and where it is:
        two stores of one database share it; two databases never do, not even
        with equal data versions, nor a copy of one at another place.
        """
        with self._read() as conn:
            name = conn.execute(sa.select(tables.meta.c.database_id)).scalar_one()
        return f"{name}@{self.engine.url.render_as_string(hide_password=True)}"

    def data_version(self) -> int:
        """Changes with every save, so a cache keyed on it is never stale."""
        with self._read() as conn:
            return conn.execute(sa.select(tables.meta.c.data_version)).scalar_one()

    def schema_version(self) -> int:
        with self._read() as conn:
            return migrations.schema_version(conn)

    # -- generic helpers ------------------------------------------------

    def _get(self, cls: type[T], table: sa.Table, key, what: str) -> T:
        primary = table.primary_key.columns.values()[0]
        with self._read() as conn:
            row = conn.execute(sa.select(table).where(primary == key)).first()
        if row is None:
            raise NotFound(f"This {what} no longer exists (deleted in another tab?).")
        return _load(cls, row)

    def _list(self, cls: type[T], query: sa.Select) -> list[T]:
        with self._read() as conn:
            return [_load(cls, row) for row in conn.execute(query)]

    def _update_versioned(self, conn: sa.Connection, table: sa.Table, obj, what: str) -> None:
        primary = table.primary_key.columns.values()[0]
        key = getattr(obj, primary.name)
        result = conn.execute(
            table.update()
            .where(primary == key, table.c.version == obj.version)
            .values(**_values(obj, table, without=(primary.name, "version")), version=obj.version + 1)
        )
        if result.rowcount == 0:
            exists = conn.execute(sa.select(primary).where(primary == key)).first()
            if exists is None:
                raise NotFound(f"This {what} was deleted in another tab or window.")
            raise StaleEdit(
                f"This {what} was changed in another tab or window after you opened it, "
                "so your edit was not saved yet. Your text is still here: keep yours, or take theirs."
            )
        obj.version += 1

    def _insert(self, conn: sa.Connection, table: sa.Table, obj) -> int:
        # Values passed as parameters, not baked into the statement, so SQLAlchemy
        # compiles one INSERT per table and reuses it for every row.
        new_id = conn.execute(table.insert(), _values(obj, table)).inserted_primary_key[0]
        obj.id = new_id
        return new_id

    def _delete(self, table: sa.Table, key) -> None:
        primary = table.primary_key.columns.values()[0]
        with self._write() as conn:
            conn.execute(table.delete().where(primary == key))

    # -- applications ---------------------------------------------------

    def list_applications(self) -> list[Application]:
        query = sa.select(tables.applications).order_by(
            tables.applications.c.created_at.desc(), tables.applications.c.id.desc()
        )
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

        With `replace_all`, everything stored before is deleted in the same
        transaction, so a failure leaves the database exactly as it was.
        """
        with self._write() as conn:
            if replace_all:
                conn.execute(tables.applications.delete())
            if settings is not None:
                conn.execute(
                    tables.settings.update()
                    .where(tables.settings.c.id == 1)
                    .values(**_settings_row(settings))
                )
            for bundle in bundles:
                self._insert_bundle(conn, bundle)

    def _insert_bundle(self, conn: sa.Connection, bundle: ApplicationBundle) -> None:
        bundle.application.created_at = bundle.application.created_at or clock.now().replace(microsecond=0)
        application_id = self._insert(conn, tables.applications, bundle.application)
        new_ids: dict[int, int] = {}
        for interview, people in bundle.interviews:
            interview.application_id = application_id
            interview_id = self._insert(conn, tables.interviews, interview)
            for interviewer, notes in people:
                reference = interviewer.id
                interviewer.interview_id = interview_id
                new_ids[reference] = self._insert(conn, tables.interviewers, interviewer)
                if notes is not None:
                    notes.interviewer_id = interviewer.id
                    notes.version = 1
                    conn.execute(
                        tables.debrief_notes.insert(), _values(notes, tables.debrief_notes, without=())
                    )
        for record, table in [
            *((letter, tables.letters) for letter in bundle.letters),
            *((a, tables.actions) for a in bundle.actions),
        ]:
            record.application_id = application_id
            if record.interviewer_id is not None:
                record.interviewer_id = new_ids[record.interviewer_id]
            self._insert(conn, table, record)

    def update_application(self, application: Application) -> None:
        with self._write() as conn:
            self._update_versioned(conn, tables.applications, application, "application")

    def delete_application(self, application_id: int) -> None:
        self._delete(tables.applications, application_id)

    # -- interviews -----------------------------------------------------

    def list_interviews(self, application_id: int | None = None) -> list[Interview]:
        query = sa.select(tables.interviews).order_by(tables.interviews.c.starts_at, tables.interviews.c.id)
        if application_id is not None:
            query = query.where(tables.interviews.c.application_id == application_id)
        return self._list(Interview, query)

    def get_interview(self, interview_id: int) -> Interview:
        return self._get(Interview, tables.interviews, interview_id, "interview")

    def add_interview(self, interview: Interview) -> int:
        with self._write() as conn:
            return self._insert(conn, tables.interviews, interview)

    def update_interview(self, interview: Interview) -> None:
        with self._write() as conn:
            self._update_versioned(conn, tables.interviews, interview, "interview")

    def delete_interview(self, interview_id: int) -> None:
        self._delete(tables.interviews, interview_id)

    # -- interviewers and their notes -------------------------------------

    def list_interviewers(self, interview_id: int | None = None) -> list[Interviewer]:
        query = sa.select(tables.interviewers).order_by(tables.interviewers.c.id)
        if interview_id is not None:
            query = query.where(tables.interviewers.c.interview_id == interview_id)
        return self._list(Interviewer, query)

    def get_interviewer(self, interviewer_id: int) -> Interviewer:
        return self._get(Interviewer, tables.interviewers, interviewer_id, "interviewer")

    def add_interviewer(self, interviewer: Interviewer) -> int:
        with self._write() as conn:
            return self._insert(conn, tables.interviewers, interviewer)

    def update_interviewer(self, interviewer: Interviewer) -> None:
        with self._write() as conn:
            self._update_versioned(conn, tables.interviewers, interviewer, "interviewer")

    def delete_interviewer(self, interviewer_id: int) -> None:
        self._delete(tables.interviewers, interviewer_id)

    def get_notes(self, interviewer_id: int) -> DebriefNotes:
        """The interviewer's notes; blank ones (version 0) if none were written yet."""
        with self._read() as conn:
            row = conn.execute(
                sa.select(tables.debrief_notes).where(tables.debrief_notes.c.interviewer_id == interviewer_id)
            ).first()
        return _load(DebriefNotes, row) if row else DebriefNotes(interviewer_id=interviewer_id)

    def all_notes(self) -> dict[int, DebriefNotes]:
        return {n.interviewer_id: n for n in self._list(DebriefNotes, sa.select(tables.debrief_notes))}

    def list_notes(self, interview_id: int) -> dict[int, DebriefNotes]:
        query = (
            sa.select(tables.debrief_notes)
            .join(tables.interviewers)
            .where(tables.interviewers.c.interview_id == interview_id)
        )
        return {n.interviewer_id: n for n in self._list(DebriefNotes, query)}

    def save_notes(self, notes: DebriefNotes) -> None:
        notes.updated_at = clock.now().replace(microsecond=0)
        with self._write() as conn:
            if notes.version == 0:
                try:
                    with conn.begin_nested():
                        conn.execute(
                            tables.debrief_notes.insert().values(
                                **_values(notes, tables.debrief_notes, without=("version",)),
                                version=1,
                            )
                        )
                except exc.IntegrityError:
                    exists = conn.execute(
                        sa.select(tables.interviewers.c.id).where(
                            tables.interviewers.c.id == notes.interviewer_id
                        )
                    ).first()
                    if exists is None:
                        raise
                    raise StaleEdit(
                        "These notes were written in another tab or window after you opened them, "
                        "so your edit was not saved yet. Your text is still here: keep yours, or take theirs."
                    ) from None
                notes.version = 1
            else:
                self._update_versioned(conn, tables.debrief_notes, notes, "set of notes")

    # -- letters ----------------------------------------------------------

    def list_letters(self, application_id: int | None = None) -> list[Letter]:
        query = sa.select(tables.letters).order_by(tables.letters.c.id)
        if application_id is not None:
            query = query.where(tables.letters.c.application_id == application_id)
        return self._list(Letter, query)

    def get_letter(self, letter_id: int) -> Letter:
        return self._get(Letter, tables.letters, letter_id, "letter")

    def add_letter(self, letter: Letter) -> int:
        with self._write() as conn:
            return self._insert(conn, tables.letters, letter)

    def update_letter(self, letter: Letter) -> None:
        with self._write() as conn:
            self._update_versioned(conn, tables.letters, letter, "letter")

    def delete_letter(self, letter_id: int) -> None:
        self._delete(tables.letters, letter_id)

    # -- follow-up actions ------------------------------------------------

    def list_actions(
        self,
        application_id: int | None = None,
        status: ActionStatus | None = None,
        kind: ActionKind | None = None,
    ) -> list[Action]:
        query = sa.select(tables.actions).order_by(tables.actions.c.due, tables.actions.c.id)
        if application_id is not None:
            query = query.where(tables.actions.c.application_id == application_id)
        if status is not None:
            query = query.where(tables.actions.c.status == status.value)
        if kind is not None:
            query = query.where(tables.actions.c.kind == kind.value)
        return self._list(Action, query)

    def add_action(self, action: Action) -> int:
        with self._write() as conn:
            return self._insert(conn, tables.actions, action)

    def add_history(self, actions: list[Action], letters: list[Letter]) -> None:
        """Actions and letters of applications already saved, in one transaction."""
        with self._write() as conn:
            for action in actions:
                self._insert(conn, tables.actions, action)
            for letter in letters:
                self._insert(conn, tables.letters, letter)

    def update_action(self, action: Action) -> None:
        """Change a planned action (its day, say); one already logged or skipped is left alone."""
        with self._write() as conn:
            self._update_planned(conn, action)

    def record_attempt(self, action: Action, application: Application | None, planned: list[Action]) -> None:
        """A logged attempt, the application's new stage and the new plan, in one transaction.

        An action without an id (an outcome, which nothing planned) is added as it is."""
        with self._write() as conn:
            if action.id is None:
                self._insert(conn, tables.actions, action)
            else:
                self._update_planned(conn, action)
            if application is not None:
                self._update_versioned(conn, tables.applications, application, "application")
            self._replace_planned(conn, action.application_id, planned)

    def _update_planned(self, conn: sa.Connection, action: Action) -> None:
        """Overwrite an action that is still planned.

        Actions carry no version; their status is enough. Once an attempt is
        logged (in another tab, say), logging it again from a page opened
        before would overwrite what was recorded, so it is refused instead.
        """
        x = tables.actions
        if conn.execute(
            x.update()
            .where(x.c.id == action.id, x.c.status == ActionStatus.PLANNED.value)
            .values(**_values(action, x))
        ).rowcount:
            return
        if conn.execute(sa.select(x.c.id).where(x.c.id == action.id)).first() is None:
            raise NotFound("This follow-up action no longer exists (replanned in another tab?).")
        raise StaleEdit(
            "This follow-up was already logged or skipped in another tab or window, so nothing was "
            "changed. The plan below shows what was recorded."
        )

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
        automatic = [
            {**_values(action, tables.actions), "application_id": application_id}
            for application_id, planned in plans.items()
            for action in planned
            if not action.manual
        ]
        ids = list(plans)
        kept = {action.id for planned in plans.values() for action in planned if action.manual}
        with self._write() as conn:
            for start in range(0, len(ids), _IDS_PER_STATEMENT):
                conn.execute(
                    tables.actions.delete().where(
                        tables.actions.c.application_id.in_(ids[start : start + _IDS_PER_STATEMENT]),
                        tables.actions.c.status == ActionStatus.PLANNED.value,
                        tables.actions.c.manual == sa.false(),
                    )
                )
            self._drop_manual(conn, ids, kept)
            if automatic:
                conn.execute(tables.actions.insert(), automatic)

    def _replace_planned(self, conn: sa.Connection, application_id: int, planned: list[Action]) -> None:
        conn.execute(
            tables.actions.delete().where(
                tables.actions.c.application_id == application_id,
                tables.actions.c.status == ActionStatus.PLANNED.value,
                tables.actions.c.manual == sa.false(),
            )
        )
        self._drop_manual(conn, [application_id], {a.id for a in planned if a.manual})
        for action in planned:
            if not action.manual:
                action.application_id = application_id
                self._insert(conn, tables.actions, action)

    def _drop_manual(self, conn: sa.Connection, application_ids: list[int], kept: set[int | None]) -> None:
        """Delete the actions moved by hand that the new plans of these applications no longer hold."""
        x = tables.actions
        gone = []
        for start in range(0, len(application_ids), _IDS_PER_STATEMENT):
            gone += [
                action_id
                for action_id in conn.execute(
                    sa.select(x.c.id).where(
                        x.c.application_id.in_(application_ids[start : start + _IDS_PER_STATEMENT]),
                        x.c.status == ActionStatus.PLANNED.value,
                        x.c.manual == sa.true(),
                    )
                ).scalars()
                if action_id not in kept
            ]
        for start in range(0, len(gone), _IDS_PER_STATEMENT):
            conn.execute(x.delete().where(x.c.id.in_(gone[start : start + _IDS_PER_STATEMENT])))

    # -- settings ---------------------------------------------------------

    def get_settings(self) -> Settings:
        with self._read() as conn:
            row = conn.execute(sa.select(tables.settings).where(tables.settings.c.id == 1)).first()
        if row is None:
            return Settings()
        settings = _load(Settings, row)
        settings.user_dictionary = json.loads(row.user_dictionary or "[]")
        return settings

    def save_settings(self, settings: Settings) -> None:
        with self._write() as conn:
            conn.execute(
                tables.settings.update().where(tables.settings.c.id == 1).values(**_settings_row(settings))
            )

    # -- overview -----------------------------------------------------------

    def overview_rows(self, application_ids=None) -> dict:
        """What the overview needs, as pandas frames, in four queries and one read.

        Keys: "applications", "interviews", "actions" (with `interview_at`, when
        the interview of the action's interviewer began) and "letters" (no
        bodies). Every application, or only those in `application_ids` (the
        lanes of one page of the timeline). Dates stay as the driver returns
        them; the overview converts whole columns at once, which is far faster
        than one object per cell.
        """
        # Imported here: the command line never needs pandas and starts faster without it.
        import pandas as pd

        a, i, p, x = tables.applications, tables.interviews, tables.interviewers, tables.actions
        lt = tables.letters
        queries = {
            "applications": sa.select(
                a.c.id, a.c.company, a.c.role, a.c.status, a.c.job_link, a.c.created_at
            ),
            "interviews": sa.select(
                i.c.id, i.c.application_id, i.c.round, i.c.starts_at, i.c.format, i.c.decision_by
            ),
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
                x.c.why,
                x.c.done_on,
                i.c.starts_at.label("interview_at"),
            )
            .outerjoin(p, p.c.id == x.c.interviewer_id)
            .outerjoin(i, i.c.id == p.c.interview_id),
            "letters": sa.select(
                lt.c.id, lt.c.application_id, lt.c.interviewer_id, lt.c.kind, lt.c.status, lt.c.sent_on
            ),
        }
        owner = {
            "applications": a.c.id,
            "interviews": i.c.application_id,
            "actions": x.c.application_id,
            "letters": lt.c.application_id,
        }
        frames = {}
        with self._read() as conn, conn.begin():
            for name, everything in queries.items():
                query = everything
                if application_ids is not None:
                    query = query.where(owner[name].in_(list(application_ids)))
                result = conn.execute(query.order_by(query.selected_columns[0]))
                columns = list(result.keys())
                # Column by column: pandas would otherwise inspect every row object.
                values = list(zip(*result.all(), strict=True)) or [()] * len(columns)
                frames[name] = pd.DataFrame(dict(zip(columns, values, strict=True)))
        return frames

    def record_letter_sent(
        self, letter: Letter, action: Action, application: Application | None, planned: list[Action]
    ) -> None:
        """A letter marked sent, the follow-up action it did, the application's
        new stage and the new plan, in one transaction. An action without an id
        (nothing was planned for this letter) is added as it is."""
        with self._write() as conn:
            self._update_versioned(conn, tables.letters, letter, "letter")
            if action.id is None:
                self._insert(conn, tables.actions, action)
            else:
                self._update_planned(conn, action)
            if application is not None:
                self._update_versioned(conn, tables.applications, application, "application")
            self._replace_planned(conn, letter.application_id, planned)
