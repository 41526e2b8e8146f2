"""The Today page with the sample data: figures, filters, the timeline's pages, and opening a plan."""

from datetime import date, timedelta

import pytest

from followup import overview
from followup.model import Action, ActionKind, Application, Channel, Status
from followup.sample import load_sample
from ui import session

TABLE_KEY = "overview-table"


@pytest.fixture
def today(app):
    app.switch_page("pages/overview.py")
    return app


def _expected(store):
    loaded = overview.prepare(store.overview_rows())
    return overview.application_table(loaded, date.today()), overview.figures(loaded, date.today())


def _metrics(at) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def _table(at):
    [table] = at.dataframe
    return table.value


def _charts(at):
    return at.get("vega_lite_chart")


def test_an_empty_database_welcomes_and_offers_the_sample(today, store):
    today.run()
    assert not today.exception
    assert "No applications yet" in today.info[0].value
    assert not today.dataframe
    next(b for b in today.button if b.label == "Load sample applications").click().run()
    assert not today.exception
    assert len(store.list_applications()) == 8
    assert len(today.dataframe) == 1


def test_the_router_opens_on_today(app):
    assert app.title[0].value == "Today"


def test_the_figures_and_the_table_of_the_sample(today, store):
    load_sample(store)
    today.run()
    assert not today.exception
    table, figures = _expected(store)

    shown = _metrics(today)
    assert shown["Active"] == "4"  # two active and two waiting among the eight samples
    assert shown["Due today"] == str(figures.due_today)
    assert shown["Overdue"] == str(figures.overdue)
    assert shown["Response rate"] == f"{figures.response_rate:.0%}"
    assert shown["Thanks in 24 h"] == f"{figures.thank_you_rate:.0%}"
    assert all(metric.help for metric in today.metric)

    rows = _table(today)
    in_play = table[table["in_play"]]
    assert rows["company"].tolist() == in_play["company"].tolist()
    assert "Lumen Labs" not in rows["company"].tolist()  # an offer: closed, hidden
    assert set(rows["urgency"]) <= set(overview.URGENCIES) - {overview.CLOSED}
    assert len(_charts(today)) == 1


def test_filters_narrow_the_table(today, store):
    load_sample(store)
    forgotten = Application("Forgotten Co", "Analyst")
    store.add_application(forgotten)
    three_days_ago = date.today() - timedelta(days=3)
    store.add_action(Action(forgotten.id, ActionKind.STATUS_CHECK, three_days_ago, Channel.PHONE))
    today.run()

    today.toggle(key="overview-closed").set_value(True).run()
    assert len(_table(today)) == 9

    today.toggle(key="overview-closed").set_value(False)
    today.pills(key="overview-stages").set_value([Status.OFFER.value]).run()
    assert _table(today)["company"].tolist() == ["Lumen Labs"]

    today.pills(key="overview-stages").set_value([])
    today.text_input(key="overview-search").input("NORTHWIND").run()
    assert _table(today)["company"].tolist() == ["Northwind Analytics"]

    today.text_input(key="overview-search").input("no such company").run()
    assert _table(today).empty
    assert any("no application matches" in caption.value for caption in today.caption)
    assert not _charts(today)

    today.text_input(key="overview-search").input("")
    today.toggle(key="overview-overdue").set_value(True).run()
    overdue = _table(today)
    assert "Forgotten Co" in overdue["company"].tolist()
    assert set(overdue["urgency"]) == {overview.OVERDUE}
    assert len(overdue) == _expected(store)[1].overdue
    assert not today.exception


def test_selecting_a_row_opens_that_plan(today, store):
    load_sample(store)
    today.run()
    first = _table(today)["company"].iloc[0]
    [expected] = [a.id for a in store.list_applications() if a.company == first]

    today.session_state[TABLE_KEY] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    today.run()
    assert not today.exception
    assert today.session_state[session.APPLICATION_KEY] == expected
    assert [t.value for t in today.title] == ["Follow-up plan"]
    assert today.selectbox(key=session.APPLICATION_KEY).value == expected

    # Back on Today, the old selection does not send the user away again.
    today.switch_page("pages/overview.py").run()
    assert [t.value for t in today.title] == ["Today"]


def test_a_save_shows_at_once(today, store):
    load_sample(store)
    today.run()
    assert "Brand New Co" not in _table(today)["company"].tolist()
    store.add_application(Application("Brand New Co", "Analyst"))
    today.run()
    assert "Brand New Co" in _table(today)["company"].tolist()
    assert _metrics(today)["Active"] == "5"


def test_the_timeline_pages_through_many_applications(today, store):
    load_sample(store, applications=80)
    today.run()
    lanes = len(_table(today))
    assert lanes > 25
    assert any("Applications 1–25 of" in caption.value for caption in today.caption)

    today.number_input(key="overview-page").set_value(2).run()
    assert not today.exception
    assert any(f"Applications 26–{min(50, lanes)} of {lanes}" in caption.value for caption in today.caption)
    assert len(_charts(today)) == 1

    # A filter that leaves fewer pages brings the page back into range.
    today.text_input(key="overview-search").input("Northwind").run()
    assert not today.exception
    assert not today.number_input
