"""The largest backup the app is built for restores: 10,000 applications out and back in."""

import gzip
import json
import time
from datetime import datetime

import pytest

from followup import backup, clock, planning
from followup.calendar_export import build_ics
from followup.model import ActionStatus
from followup.sample import load_sample
from followup.store import Store

APPLICATIONS = 10_000
# What the Your data page accepts (.streamlit/config.toml, maxUploadSize).
UPLOAD_LIMIT = 20 * 1_000_000


def _uids(ics: bytes) -> set[str]:
    return {line.split(":", 1)[1].strip() for line in ics.decode().splitlines() if line.startswith("UID:")}


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_ten_thousand_applications_go_out_and_come_back_the_same(tmp_path):
    clock.set_now(datetime(2026, 11, 23, 9, 0))
    try:
        started = time.monotonic()
        source = Store.open(f"sqlite:///{tmp_path / 'source.db'}")
        assert load_sample(source, APPLICATIONS) == APPLICATIONS
        packed = backup.export_json_gz(source)
        plain = gzip.decompress(packed)
        # The limits hold the largest backup (MAX_APPLICATIONS) with twice the sample's text each,
        # as JSON; compressed, one of that many sample applications fits what Your data accepts.
        assert 2 * len(plain) * backup.MAX_APPLICATIONS / APPLICATIONS < backup.MAX_BYTES
        assert len(packed) * backup.MAX_APPLICATIONS / APPLICATIONS < UPLOAD_LIMIT

        restored = Store.open(f"sqlite:///{tmp_path / 'restored.db'}")
        summary = backup.import_parsed(restored, backup.parse(packed), replace=True)
        assert (summary.added, summary.skipped) == (APPLICATIONS, 0)
        first, again = json.loads(plain), backup.export_document(restored)
        assert again["applications"] == first["applications"]
        assert again["settings"] == first["settings"]
        # The calendar file of the restored database names every event as the original did.
        planned = {a.uid for a in source.list_actions(status=ActionStatus.PLANNED)}
        assert len(planned) > APPLICATIONS
        assert _uids(build_ics(planning.calendar_entries(restored))) == planned
        print(
            f"\n{APPLICATIONS:,} applications: {len(plain) / 1e6:.1f} MB of JSON "
            f"({len(plain) / APPLICATIONS / 1000:.2f} KB each), {len(packed) / 1e6:.1f} MB compressed; "
            f"built, exported, restored and compared in {time.monotonic() - started:.0f} s"
        )
    finally:
        clock.set_now(None)
