"""The Today page with the sample data: figures, filters, the timeline's pages, and opening a plan."""

from datetime import timedelta

import pytest

from followup import clock, overview
from followup.model import Action, ActionKind, Application, Channel, Status
from followup.sample import load_sample
from ui import session

TABLE_KEY = "overview-table"


@pytest.fixture
def today_page(app):
    app.switch_page("pages/overview.py")
    return app


def _expected(store):
    loaded = overview.prepare(store.overview_rows())
    return overview.application_table(loaded, clock.today()), overview.figures(loaded, clock.today())


def _metrics(at) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def _table(at):
    [table] = at.dataframe
    return table.value


def _charts(at):
    return at.get("vega_lite_chart")


def test_an_empty_database_welcomes_and_offers_the_sample(today_page, store):
    today_page.run()
    assert not today_page.exception
    assert "No applications yet" in today_page.info[0].value
    assert not today_page.dataframe
    next(b for b in today_page.button if b.label == "Load sample applications").click().run()
    assert not today_page.exception
    assert len(store.list_applications()) == 8
    assert len(today_page.dataframe) == 1


def test_the_router_opens_on_today(app):
    assert app.title[0].value == "Today"


def test_the_figures_and_the_table_of_the_sample(today_page, store):
    load_sample(store)
    today_page.run()
    assert not today_page.exception
    table, figures = _expected(store)

    shown = _metrics(today_page)
    assert shown["Active"] == "4"  # two active and two waiting among the eight samples
    assert shown["Due today"] == str(figures.due_today)
    assert shown["Overdue"] == str(figures.overdue)
    assert shown["Response rate"] == f"{figures.response_rate:.0%}"
    assert shown["Thanks in 24 h"] == f"{figures.thank_you_rate:.0%}"
    assert all(metric.help for metric in today_page.metric)

    rows = _table(today_page)
    in_play = table[table["in_play"]]
    assert rows["company"].tolist() == in_play["company"].tolist()
    assert "Lumen Labs" not in rows["company"].tolist()  # an offer: closed, hidden
    assert set(rows["urgency"]) <= set(overview.URGENCIES) - {overview.CLOSED}
    assert len(_charts(today_page)) == 1


def test_filters_narrow_the_table(today_page, store):
    load_sample(store)
    forgotten = Application("Forgotten Co", "Analyst")
    store.add_application(forgotten)
    three_days_ago = clock.today() - timedelta(days=3)
    store.add_action(Action(forgotten.id, ActionKind.STATUS_CHECK, three_days_ago, Channel.PHONE))
    today_page.run()

    today_page.toggle(key="overview-closed").set_value(True).run()
    assert len(_table(today_page)) == 9

    today_page.toggle(key="overview-closed").set_value(False)
    today_page.pills(key="overview-stages").set_value([Status.OFFER.value]).run()
    assert _table(today_page)["company"].tolist() == ["Lumen Labs"]

    today_page.pills(key="overview-stages").set_value([])
    today_page.text_input(key="overview-search").input("NORTHWIND").run()
    assert _table(today_page)["company"].tolist() == ["Northwind Analytics"]

    today_page.text_input(key="overview-search").input("no such company").run()
    assert _table(today_page).empty
    assert any("no application matches" in caption.value for caption in today_page.caption)
    assert not _charts(today_page)

    today_page.text_input(key="overview-search").input("")
    today_page.toggle(key="overview-overdue").set_value(True).run()
    overdue = _table(today_page)
    assert "Forgotten Co" in overdue["company"].tolist()
    assert set(overdue["urgency"]) == {overview.OVERDUE}
    assert len(overdue) == _expected(store)[1].overdue
    assert not today_page.exception


def test_selecting_a_row_opens_that_plan(today_page, store):
    load_sample(store)
    today_page.run()
    first = _table(today_page)["company"].iloc[0]
    [expected] = [a.id for a in store.list_applications() if a.company == first]

    today_page.session_state[TABLE_KEY] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    today_page.run()
    assert not today_page.exception
    assert today_page.session_state[session.APPLICATION_KEY] == expected
    assert [t.value for t in today_page.title] == ["Follow-up plan"]
    assert today_page.selectbox(key=session.APPLICATION_KEY).value == expected

    # Back on Today, the old selection does not send the user away again.
    today_page.switch_page("pages/overview.py").run()
    assert [t.value for t in today_page.title] == ["Today"]


def test_a_save_shows_at_once(today_page, store):
    load_sample(store)
    today_page.run()
    assert "Brand New Co" not in _table(today_page)["company"].tolist()
    store.add_application(Application("Brand New Co", "Analyst"))
    today_page.run()
    assert "Brand New Co" in _table(today_page)["company"].tolist()
    assert _metrics(today_page)["Active"] == "5"


def test_the_timeline_pages_through_many_applications(today_page, store):
    load_sample(store, applications=80)
    today_page.run()
    lanes = len(_table(today_page))
    assert lanes > 25
    assert any("Applications 1–25 of" in caption.value for caption in today_page.caption)

    today_page.number_input(key="overview-page").set_value(2).run()
    assert not today_page.exception
    assert any(
        f"Applications 26–{min(50, lanes)} of {lanes}" in caption.value for caption in today_page.caption
    )
    assert len(_charts(today_page)) == 1

    # A filter that leaves fewer pages brings the page back into range.
    today_page.text_input(key="overview-search").input("Northwind").run()
    assert not today_page.exception
    assert not today_page.number_input
