"""The timeline's data and chart spec, on small hand-made databases."""

from __future__ import annotations

import pandas as pd

from followup import overview, timeline
from followup.model import ActionKind, AttemptOutcome, Status
from tests.unit.test_overview import TODAY, act, add, day, frames


def _events_of(store, application_id: int) -> pd.DataFrame:
    found = timeline.events(frames(store), TODAY)
    return found[found["application_id"] == application_id].reset_index(drop=True)


def test_every_kind_of_event_gets_its_own_mark(store):
    busy = add(
        store,
        "Busy Co",
        interviewed=-12,
        decision_in=-5,
        actions=[
            act(ActionKind.THANK_YOU_EMAIL, -12, done=-12, outcome=AttemptOutcome.SENT),
            act(ActionKind.HANDWRITTEN_NOTE, -11, done=-11, skipped=True),
            act(ActionKind.STATUS_CHECK, -3, done=-3, outcome=AttemptOutcome.LEFT_VOICEMAIL),
            act(ActionKind.STATUS_CHECK, -1),
            act(ActionKind.STATUS_CHECK, 0),
            act(ActionKind.CLOSE, 9),
        ],
    )
    found = _events_of(store, busy)

    assert found["event"].tolist() == [
        timeline.DONE,
        timeline.INTERVIEW,
        timeline.SKIPPED,
        timeline.DECISION,
        timeline.DONE,
        timeline.OVERDUE,
        timeline.DUE_TODAY,
        timeline.PLANNED,
    ]
    assert found["day"].tolist()[-3:] == [pd.Timestamp(day(-1)), pd.Timestamp(day(0)), pd.Timestamp(day(9))]
    voicemail = found.iloc[4]
    assert voicemail["what"] == "Check on the status · Email · Ann Lee → left a voicemail"
    assert voicemail["why"] == "because of status_check"
    assert found.iloc[1]["what"] == "Interview, round 1 (in person) at 10:00"
    assert found.iloc[3]["why"] == timeline.DECISION_WHY


def test_a_settled_application_shows_no_promised_decision(store):
    # They promised a decision in five days, then made an offer: nothing is left to wait for.
    offer = add(
        store,
        "Offer Co",
        status=Status.OFFER,
        interviewed=-3,
        decision_in=5,
        actions=[act(ActionKind.STATUS_CHECK, -1, done=-1, outcome=AttemptOutcome.OFFER)],
    )
    waiting = add(store, "Wait Co", status=Status.WAITING, interviewed=-3, decision_in=5)
    assert timeline.DECISION not in _events_of(store, offer)["event"].tolist()
    assert _events_of(store, waiting)["event"].tolist() == [timeline.INTERVIEW, timeline.DECISION]


def test_a_closed_application_keeps_its_history_but_not_its_stale_plan(store):
    offer = add(
        store,
        "Offer Co",
        status=Status.OFFER,
        interviewed=-20,
        actions=[
            act(ActionKind.STATUS_CHECK, -10, done=-10, outcome=AttemptOutcome.OFFER),
            act(ActionKind.STATUS_CHECK, -2),
        ],
    )
    rejected = add(
        store,
        "No Co",
        status=Status.REJECTED,
        interviewed=-20,
        actions=[
            act(ActionKind.STATUS_CHECK, -10, done=-10, outcome=AttemptOutcome.REJECTION),
            act(ActionKind.STAY_IN_TOUCH, 30),
        ],
    )
    assert _events_of(store, offer)["event"].tolist() == [timeline.INTERVIEW, timeline.DONE]
    assert _events_of(store, rejected)["event"].tolist() == [
        timeline.INTERVIEW,
        timeline.DONE,
        timeline.PLANNED,
    ]


def test_an_application_without_interview_or_actions_has_no_events(store):
    add(store, "Fresh Co")
    assert timeline.events(frames(store), TODAY).empty


def test_lanes_page_through_the_table_in_its_order(store):
    for number in range(60):
        add(
            store,
            f"Company {number:02}",
            interviewed=-5,
            actions=[act(ActionKind.STATUS_CHECK, number % 7 - 3)],
        )
    table = overview.filter_table(overview.application_table(frames(store), TODAY))

    assert timeline.page_count(len(table)) == 3
    assert timeline.page_count(0) == 1
    last = timeline.lanes(table, page=3)
    assert len(last) == 10
    assert last["order"].tolist() == list(range(50, 60))
    assert last["application_id"].tolist() == table["id"].tolist()[50:]
    first = timeline.lanes(table, page=1)
    assert first["application_id"].tolist() == table["id"].tolist()[:25]
    assert table.set_index("id").loc[first["application_id"], "next_due"].is_monotonic_increasing


def test_two_applications_with_the_same_name_get_two_lanes(store):
    one = add(store, "Acme", interviewed=-1)
    two = add(store, "Acme", interviewed=-2)
    lanes = timeline.lanes(overview.application_table(frames(store), TODAY))
    assert sorted(lanes["lane"]) == sorted([f"Acme — Analyst (#{one})", f"Acme — Analyst (#{two})"])


def test_the_chart_gets_only_the_lanes_of_its_page_and_a_bounded_number_of_rows(store):
    crowded = add(
        store,
        "Crowded Co",
        interviewed=-100,
        actions=[
            act(ActionKind.STATUS_CHECK, -100 + n, done=-100 + n, outcome=AttemptOutcome.NO_ANSWER)
            for n in range(timeline.MAX_EVENTS_PER_LANE + 20)
        ],
    )
    other = add(store, "Other Co", interviewed=-1, actions=[act(ActionKind.STATUS_CHECK, 4)])
    loaded = frames(store)
    table = overview.application_table(loaded, TODAY)
    events = timeline.events(loaded, TODAY)

    rows = timeline.chart_rows(events, timeline.lanes(table[table["id"] == crowded]))
    assert len(rows) == timeline.MAX_EVENTS_PER_LANE
    assert set(rows["lane"]) == {"Crowded Co — Analyst"}
    assert rows["day"].max() == pd.Timestamp(day(-100 + timeline.MAX_EVENTS_PER_LANE + 19))
    assert list(rows.columns) == ["lane", "order", "day", "event", "what", "why"]

    both = timeline.chart_rows(events, timeline.lanes(table))
    assert set(both["lane"]) == {"Crowded Co — Analyst", "Other Co — Analyst"}
    assert len(both) == timeline.MAX_EVENTS_PER_LANE + 2
    assert other in table["id"].tolist()


def test_the_chart_spec(store):
    add(store, "Late Co", interviewed=-10, actions=[act(ActionKind.STATUS_CHECK, -3)])
    loaded = frames(store)
    table = overview.application_table(loaded, TODAY)
    rows = timeline.chart_rows(timeline.events(loaded, TODAY), timeline.lanes(table))
    spec = timeline.chart(rows, TODAY, "Follow-up timeline of applications 1–1 of 1").to_dict()

    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["rule", "rule", "point", "text", "text"]
    points = spec["layer"][2]
    colour = points["encoding"]["color"]
    assert colour["scale"]["domain"] == list(timeline.EVENT_STYLE)
    overdue_at = colour["scale"]["domain"].index(timeline.OVERDUE)
    assert colour["scale"]["range"][overdue_at] == timeline.EVENT_STYLE[timeline.OVERDUE][0]
    assert [t["field"] for t in points["encoding"]["tooltip"]] == ["lane", "event", "day", "what", "why"]
    # Each mark is read out as its kind, day, application and what; the line under a lane is not read.
    assert points["encoding"]["description"]["field"] == "spoken"
    [spoken] = points["transform"]
    assert spoken["as"] == "spoken" and "datum.what" in spoken["calculate"]
    assert spec["layer"][0]["mark"]["aria"] is False
    # The chart's own words are dark enough to read (the theme's grey is 3.7:1 on white).
    assert spec["config"]["axis"]["labelColor"] == spec["config"]["legend"]["labelColor"] == "#31333f"
    assert points["encoding"]["y"]["sort"] == {"field": "order", "op": "min"}
    [legend_filter] = spec["params"]
    assert legend_filter["bind"] == "legend" and legend_filter["select"]["fields"] == ["event"]
    assert spec["height"] == {"step": timeline.LANE_HEIGHT}
    # Read out by screen readers for the whole chart: its title, then the chart in words.
    assert spec["description"] == (
        "Follow-up timeline of applications 1–1 of 1. 1 application, one lane each, "
        "from Sun 1 Mar 2026 to Sun 8 Mar 2026; today is Wed 11 Mar 2026. 1 interview, 1 overdue. "
        "Overdue: Check on the status · Email · Ann Lee for Late Co — Analyst, due Sun 8 Mar 2026."
    )
    # Legible on a phone: the names above the lanes (no axis beside them), the legend in two columns,
    # and no day printed twice on the date axis.
    names = spec["layer"][4]
    assert names["encoding"]["text"]["field"] == "lane" and names["encoding"]["y"]["axis"] is None
    assert [row["lane"] for row in spec["datasets"][names["data"]["name"]]] == ["Late Co — Analyst"]
    assert colour["legend"]["columns"] == 2
    assert points["encoding"]["x"]["axis"]["tickMinStep"] == 24 * 60 * 60 * 1000

    datasets = spec["datasets"]
    drawn = datasets[points["data"]["name"]]
    assert len(drawn) == len(rows) == 2
    assert {row["event"] for row in drawn} == {timeline.INTERVIEW, timeline.OVERDUE}
    [today_row] = datasets[spec["layer"][1]["data"]["name"]]
    assert today_row["day"].startswith(TODAY.isoformat())


def _summary_of(store) -> str:
    loaded = frames(store)
    table = overview.application_table(loaded, TODAY)
    rows = timeline.chart_rows(timeline.events(loaded, TODAY), timeline.lanes(table))
    return timeline.summary(rows, TODAY)


def test_the_timeline_in_words_counts_every_kind_and_names_what_is_late_or_due(store):
    # TODAY is Wednesday 11 March 2026: Late Co was interviewed on Sunday 1 March,
    # Calm Co on Monday 9 March with a decision promised for Monday 16 March.
    add(
        store,
        "Calm Co",
        interviewed=-2,
        decision_in=5,
        actions=[act(ActionKind.STATUS_CHECK, 8)],
    )
    add(
        store,
        "Late Co",
        interviewed=-10,
        actions=[
            act(ActionKind.THANK_YOU_EMAIL, -10, done=-10, outcome=AttemptOutcome.SENT),
            act(ActionKind.STATUS_CHECK, 0),
            act(ActionKind.STATUS_CHECK, -3),
        ],
    )

    assert _summary_of(store) == (
        "2 applications, one lane each, from Sun 1 Mar 2026 to Thu 19 Mar 2026; today is Wed 11 Mar 2026. "
        "2 interviews, 1 decision date promised, 1 follow-up done, 1 planned, 1 due today, 1 overdue. "
        "Overdue: Check on the status · Email · Ann Lee for Late Co — Analyst, due Sun 8 Mar 2026. "
        "Due today: Check on the status · Email · Ann Lee for Late Co — Analyst."
    )


def test_the_timeline_in_words_names_five_late_actions_and_counts_the_rest(store):
    for n, company in enumerate(("A Co", "B Co", "C Co", "D Co", "E Co", "F Co", "G Co")):
        add(store, company, interviewed=-20, actions=[act(ActionKind.STATUS_CHECK, -10 + n)])

    words = _summary_of(store)

    assert words.startswith(
        "7 applications, one lane each, from Thu 19 Feb 2026 to Sat 7 Mar 2026; today is Wed 11 Mar 2026. "
        "7 interviews, 7 overdue. Overdue: "
    )
    # The most overdue first: A Co's check was due on Sunday 1 March, G Co's on Saturday 7 March.
    assert "for A Co — Analyst, due Sun 1 Mar 2026; " in words
    assert "for E Co — Analyst, due Thu 5 Mar 2026; and 2 more." in words
    assert "F Co" not in words and "G Co" not in words
    assert "Due today" not in words


def test_an_empty_timeline_says_so_in_words():
    assert timeline.summary(
        pd.DataFrame(columns=["lane", "order", "day", "event", "what", "why"]), TODAY
    ) == ("Nothing to draw: no application has an interview or a follow-up action yet.")


def test_every_kind_of_event_has_a_shape_of_its_own_and_a_colour_that_stands_out_on_white():
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    shapes = [shape for _, shape in timeline.EVENT_STYLE.values()]
    assert len(set(shapes)) == len(shapes)
    for event, (colour, _) in timeline.EVENT_STYLE.items():
        assert 1.05 / (luminance(colour) + 0.05) >= 3, event
    assert list(timeline.EVENT_COUNT_WORDS) == list(timeline.EVENT_STYLE)
