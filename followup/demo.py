"""Demo mode: a private, throw-away database for each visitor of a hosted demo.

The hosted demo serves every visitor from one process whose disk may be wiped
at any time, so nothing is written to a shared file: each visitor gets a
temporary SQLite file filled with the sample, removed when their session ends.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from pathlib import Path

from followup.sample import load_sample
from followup.store import Store

DEMO_VARIABLE = "FOLLOWUP_DEMO"
_PREFIX = "followup-demo-"


def demo_requested(secret: object = None) -> bool:
    """FOLLOWUP_DEMO=1 (or true/yes/on), or a `demo = true` secret."""
    flag = os.environ.get(DEMO_VARIABLE, "").strip().lower()
    return flag in ("1", "true", "yes", "on") or secret is True or str(secret).lower() == "true"


def _discard(store: Store, folder: str) -> None:
    store.close()
    shutil.rmtree(folder, ignore_errors=True)


class DemoDatabase:
    """One visitor's database. Dropping the last reference deletes it."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix=_PREFIX)
        self.store = Store.open(f"sqlite:///{Path(self.folder) / 'followup.db'}")
        load_sample(self.store)
        # weakref.finalize runs when the visitor's session state is collected,
        # and again harmlessly at interpreter exit if it never was.
        self._finalizer = weakref.finalize(self, _discard, self.store, self.folder)

    def discard(self) -> None:
        self._finalizer()


def live_demo_folders() -> list[Path]:
    """The demo databases that still exist on disk (for tests and the memory check)."""
    return sorted(Path(tempfile.gettempdir()).glob(f"{_PREFIX}*"))
