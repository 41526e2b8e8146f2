"""The overview's data between reruns: read once, then refreshed by what each save changed.

A `Snapshot` holds one person's overview at one saved state of their data:
each application's table row (with its revision) and its part of the
figures, and the table and figures built from them. After a save, `refresh`
reads only the applications the save touched (each save gives them its data
version as their revision, see `Store.overview_changes`), builds their rows
and parts, and puts them in place of the old ones, so the cost of showing a
save follows what it changed, not how much data there is. The records
themselves are not kept: a new day reads everything again, once.

`OverviewCache` keeps the latest snapshot of each person (by
`Store.identity`: the database and the person) for the whole process, so
every visitor's session and every tab of one person share it. Each rerun
asks the database for the person's data version, one small query, so a save
made through any app server shows at once.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from followup import overview
from followup.store import Store, overview_frames

# Up to this many applications changed (and some not), their rows are built one by one
# (see overview.rows_of_one); more, with pandas, as on a first visit.
ONE_BY_ONE = 50


@dataclass(frozen=True)
class Snapshot:
    """One person's overview at one saved state (`version`) and one day."""

    version: int
    today: date
    # The table's rows (overview.table_rows), unsorted, with each application's revision.
    rows: pd.DataFrame
    # Each application's part of the figures (overview.figure_parts), indexed by its id.
    parts: pd.DataFrame
    table: pd.DataFrame
    figures: overview.Figures

    @property
    def application_ids(self) -> frozenset[int]:
        return frozenset(self.parts.index.tolist())

    def revisions(self, application_ids: Iterable[int]) -> tuple[int, ...]:
        """The revision of each of these applications: the same while none of them changes."""
        revision = pd.Series(self.rows["revision"].to_numpy(), index=self.rows["id"].to_numpy())
        return tuple(int(revision.get(key, -1)) for key in application_ids)


def build(version: int, frames: dict[str, pd.DataFrame], today: date) -> Snapshot:
    """A snapshot of the prepared frames of every application."""
    return _snapshot(version, today, _rows(frames, today), overview.figure_parts(frames, today))


def _snapshot(version: int, today: date, rows: pd.DataFrame, parts: pd.DataFrame) -> Snapshot:
    return Snapshot(version, today, rows, parts, overview.sort_table(rows), overview.sum_figures(parts))


def _rows(frames: dict[str, pd.DataFrame], today: date) -> pd.DataFrame:
    rows = overview.table_rows(frames, today)
    revision = frames["applications"].set_index("id")["revision"]
    return rows.assign(revision=rows["id"].map(revision).astype("int64"))


def load(store: Store, today: date) -> Snapshot:
    """Everything read afresh."""
    changes = store.overview_changes(None)
    return build(changes.data_version, overview.prepare(changes.rows), today)


def refresh(snapshot: Snapshot | None, store: Store, today: date) -> Snapshot:
    """The snapshot brought up to the saved state of now: only what changed since is read."""
    if snapshot is None or today != snapshot.today:
        # A new day moves every row's urgency and day counts: everything is read again, once a day.
        return load(store, today)
    changes = store.overview_changes(snapshot.version, snapshot.application_ids)
    if changes.changed is None:
        return build(changes.data_version, overview.prepare(changes.rows), today)
    gone = set(changes.changed)
    if changes.remaining is not None:
        gone |= snapshot.application_ids - changes.remaining
    if not gone:
        # A save that changed nothing shown (the settings, say).
        return dataclasses.replace(snapshot, version=changes.data_version)
    if len(changes.changed) <= ONE_BY_ONE and not snapshot.application_ids <= gone:
        new_rows, new_parts = _one_by_one(changes.records(), today)
    else:
        fresh = overview.prepare(overview_frames(changes.rows))
        new_rows, new_parts = _rows(fresh, today), overview.figure_parts(fresh, today)
    rows = _replace(snapshot.rows, gone, new_rows)
    kept_parts = snapshot.parts[~snapshot.parts.index.isin(list(gone))]
    parts = (
        pd.concat([kept_parts, new_parts.astype(kept_parts.dtypes.to_dict())])
        if len(new_parts)
        else kept_parts
    )
    return _snapshot(changes.data_version, today, rows, parts)


def _one_by_one(records: dict[str, list[dict]], today: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The table rows and figure parts of a few applications, built from their records one by one."""
    under: dict[str, dict[int, list[dict]]] = {name: {} for name in ("interviews", "actions", "letters")}
    for name, grouped in under.items():
        for record in records[name]:
            grouped.setdefault(record["application_id"], []).append(record)
    rows, parts = [], []
    for application in records["applications"]:
        key = application["id"]
        row, part = overview.rows_of_one(
            application,
            under["interviews"].get(key, []),
            under["actions"].get(key, []),
            under["letters"].get(key, []),
            today,
        )
        rows.append({**row, "revision": application["revision"]})
        parts.append(part)
    ids = pd.Index([application["id"] for application in records["applications"]], dtype="int64", name="id")
    return (
        pd.DataFrame(rows, columns=[*overview.TABLE_COLUMNS, "revision"]),
        pd.DataFrame(parts, columns=list(overview.FIGURE_PARTS), index=ids),
    )


def _replace(frame: pd.DataFrame, gone: set[int], fresh: pd.DataFrame) -> pd.DataFrame:
    """`frame` without the rows of the applications in `gone`, and with the `fresh` rows instead."""
    kept = frame[~frame["id"].isin(list(gone))]
    if fresh.empty:
        return kept.reset_index(drop=True)
    if kept.empty:
        return fresh.reset_index(drop=True)
    # Each column keeps the type it has among the others (one with nothing in it among the
    # fresh rows, say), so the result is what reading everything would give.
    differ = {
        column: kept[column].dtype
        for column in fresh.columns
        if column in kept and fresh[column].dtype != kept[column].dtype
    }
    return pd.concat([kept, fresh.astype(differ) if differ else fresh], ignore_index=True)


class OverviewCache:
    """The latest snapshot of each person, for `people` people, each kept `keep_s` seconds after last use."""

    def __init__(self, people: int = 64, keep_s: float = 3600):
        self._people = people
        self._keep_s = keep_s
        self._entries: OrderedDict[str, tuple[Snapshot, float]] = OrderedDict()
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def snapshot(self, store: Store, today: date) -> Snapshot:
        """The person's overview at the saved state of now, on `today`."""
        identity = store.identity
        with self._guard:
            lock = self._locks.setdefault(identity, threading.Lock())
        # One person's refresh at a time; other people's go on meanwhile.
        with lock:
            with self._guard:
                entry = self._entries.get(identity)
            held = entry[0] if entry is not None else None
            if held is None or held.today != today or store.data_version() != held.version:
                held = refresh(held, store, today)
            self._keep(identity, held)
            return held

    def clear(self) -> None:
        with self._guard:
            self._entries.clear()

    def _keep(self, identity: str, snapshot: Snapshot) -> None:
        now = time.monotonic()
        with self._guard:
            self._entries[identity] = (snapshot, now)
            self._entries.move_to_end(identity)
            for name, (_, used) in list(self._entries.items()):
                if len(self._entries) > self._people or now - used > self._keep_s:
                    del self._entries[name]
                    if name != identity:
                        self._locks.pop(name, None)
