"""A restore writes SQLite's dates and times with isoformat instead of SQLAlchemy's own writer:
the two must write the very same text, or a restored database would sort and compare its
dates differently from one saved through the forms."""

from datetime import date, datetime

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.dialects import sqlite

from followup import tables
from followup.store import _iso_writer

DIALECT = sqlite.dialect()
DAYS = st.dates(date(1970, 1, 1), date(2100, 12, 31))
MOMENTS = st.datetimes(datetime(1970, 1, 1), datetime(2100, 12, 31, 23, 59, 59, 999_999))


def _writer(column: sa.Column):
    return column.type.dialect_impl(DIALECT).bind_processor(DIALECT)


@given(day=DAYS)
def test_a_date_is_written_as_sqlalchemy_writes_it(day):
    process = _writer(tables.actions.c.due)
    assert _iso_writer(process, [day])(day) == process(day)


@given(moment=MOMENTS)
def test_a_date_and_time_is_written_as_sqlalchemy_writes_it(moment):
    process = _writer(tables.interviews.c.starts_at)
    assert _iso_writer(process, [moment])(moment) == process(moment)


def test_every_date_column_of_a_restore_takes_the_shortcut():
    for table in tables.metadata.sorted_tables:
        for column in table.c:
            if isinstance(column.type, (sa.Date, sa.DateTime)):
                value = (
                    datetime(2026, 12, 4, 9, 30)
                    if isinstance(column.type, sa.DateTime)
                    else date(2026, 12, 4)
                )
                assert _iso_writer(_writer(column), [value, None]) is not None, column


@pytest.mark.parametrize(
    "values",
    [
        [date(2026, 1, 2), datetime(2026, 1, 2, 3, 4)],  # two kinds in one column
        ["2026-01-02"],  # text, not a date
        [None],
    ],
)
def test_anything_else_is_left_to_sqlalchemy(values):
    assert _iso_writer(_writer(tables.actions.c.due), values) is None


def test_a_writer_of_another_format_is_left_to_sqlalchemy():
    dotted = sqlite.DATE(storage_format="%(day)02d.%(month)02d.%(year)04d")
    process = dotted.bind_processor(DIALECT)
    assert _iso_writer(process, [date(2026, 1, 2)]) is None
