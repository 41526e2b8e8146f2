"""The overview's data between reruns: read once, then refreshed by what each save changed.

A `Snapshot` holds one person's overview at one saved state of their data:
the prepared frames of every application, each application's table row and
its part of the figures, and the table and figures built from them. After a
save, `refresh` reads only the applications the save touched (each save gives
them its data version as their revision, see `Store.overview_changes`),
rebuilds their rows and parts, and puts them in place of the old ones, so the
cost of showing a save follows what it changed, not how much data there is.
A new day rebuilds the rows and parts from the frames already held, without
reading anything.

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
from followup.store import Store

# The column naming the application each frame's rows belong to.
_APPLICATION_OF = {
    "applications": "id",
    "interviews": "application_id",
    "actions": "application_id",
    "letters": "application_id",
}


@dataclass(frozen=True)
class Snapshot:
    """One person's overview at one saved state (`version`) and one day."""

    version: int
    today: date
    frames: dict[str, pd.DataFrame]
    rows: pd.DataFrame
    parts: pd.DataFrame
    table: pd.DataFrame
    figures: overview.Figures

    @property
    def application_ids(self) -> frozenset[int]:
        return frozenset(self.frames["applications"]["id"].tolist())

    def frames_of(self, application_ids: Iterable[int]) -> dict[str, pd.DataFrame]:
        """The frames of these applications only (for one page of the timeline)."""
        wanted = pd.Index(list(application_ids), dtype="int64")
        return {
            name: frame[frame[_APPLICATION_OF[name]].isin(wanted)].reset_index(drop=True)
            for name, frame in self.frames.items()
        }

    def revisions(self, application_ids: Iterable[int]) -> tuple[int, ...]:
        """The revision of each of these applications: the same while none of them changes."""
        applications = self.frames["applications"]
        revision = pd.Series(applications["revision"].to_numpy(), index=applications["id"].to_numpy())
        return tuple(int(revision.get(key, -1)) for key in application_ids)


def build(version: int, frames: dict[str, pd.DataFrame], today: date) -> Snapshot:
    """A snapshot of prepared frames holding every application."""
    rows = overview.table_rows(frames, today)
    parts = overview.figure_parts(frames, today)
    return Snapshot(
        version, today, frames, rows, parts, overview.sort_table(rows), overview.sum_figures(parts)
    )


def load(store: Store, today: date) -> Snapshot:
    """Everything read afresh."""
    changes = store.overview_changes(None)
    return build(changes.data_version, overview.prepare(changes.rows), today)


def refresh(snapshot: Snapshot | None, store: Store, today: date) -> Snapshot:
    """The snapshot brought up to the saved state of now: only what changed since is read."""
    if snapshot is None:
        return load(store, today)
    changes = store.overview_changes(snapshot.version, snapshot.application_ids)
    if changes.changed is None:
        return build(changes.data_version, overview.prepare(changes.rows), today)
    gone = set(changes.changed)
    if changes.remaining is not None:
        gone |= snapshot.application_ids - changes.remaining
    if not gone:
        if today == snapshot.today:
            # A save that changed nothing shown (the settings, say).
            return dataclasses.replace(snapshot, version=changes.data_version)
        return build(changes.data_version, snapshot.frames, today)
    fresh = overview.prepare(changes.rows)
    frames = {
        name: _replace(frame, _APPLICATION_OF[name], gone, fresh[name])
        for name, frame in snapshot.frames.items()
    }
    if today != snapshot.today:
        return build(changes.data_version, frames, today)
    rows = _replace(snapshot.rows, "id", gone, overview.table_rows(fresh, today))
    new_parts = overview.figure_parts(fresh, today)
    kept = snapshot.parts[~snapshot.parts.index.isin(list(gone))]
    parts = pd.concat([kept, new_parts]) if len(new_parts) else kept
    return Snapshot(
        changes.data_version,
        today,
        frames,
        rows,
        parts,
        overview.sort_table(rows),
        overview.sum_figures(parts),
    )


def _replace(frame: pd.DataFrame, key: str, gone: set[int], fresh: pd.DataFrame) -> pd.DataFrame:
    """`frame` without the rows of the applications in `gone`, and with the `fresh` rows instead."""
    kept = frame[~frame[key].isin(list(gone))]
    if fresh.empty:
        return kept.reset_index(drop=True)
    if kept.empty:
        return fresh.reset_index(drop=True)
    # A column with nothing in it (no plan among the fresh rows, say) takes the type it has
    # among the others, so the result is what reading everything would give.
    empty = {
        column: kept[column].dtype
        for column in fresh.columns
        if column in kept and fresh[column].dtype != kept[column].dtype and fresh[column].isna().all()
    }
    return pd.concat([kept, fresh.astype(empty) if empty else fresh], ignore_index=True)


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
