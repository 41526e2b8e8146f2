"""The timeline: one lane per application with its interviews, decision dates and actions.

`lanes` picks the applications of one page of the timeline, in the overview
table's order. `events` turns prepared overview frames (see
`overview.prepare`; the page reads only its own applications) into one row per
thing that happened or is planned, `chart_rows` keeps those of the page's
lanes, at most MAX_EVENTS_PER_LANE each, so the browser gets a few hundred
rows however many applications there are, and `chart` draws them.
"""

from __future__ import annotations

import math
from datetime import date

import altair as alt
import pandas as pd

from followup import guide, overview
from followup.model import ActionStatus

INTERVIEW = "Interview"
DECISION = "Decision promised"
DONE = "Done"
SKIPPED = "Skipped"
PLANNED = "Planned"
DUE_TODAY = "Due today"
OVERDUE = "Overdue"
# Legend order, colour and shape of each kind of event. Every kind has a shape
# of its own, so none is told apart by colour alone, and every colour stands out
# from the white background by at least 3:1 (WCAG 2.1 AA for marks that carry meaning).
EVENT_STYLE = {
    INTERVIEW: ("#7d44cf", "diamond"),
    DECISION: ("#0068c9", "triangle-down"),
    DONE: ("#1e8a5a", "circle"),
    SKIPPED: ("#737987", "cross"),
    PLANNED: ("#2f86d6", "triangle-right"),
    DUE_TODAY: ("#c25e00", "triangle-up"),
    OVERDUE: ("#c4281c", "square"),
}
# How the text alternative counts each kind: (one, many).
EVENT_COUNT_WORDS = {
    INTERVIEW: ("interview", "interviews"),
    DECISION: ("decision date promised", "decision dates promised"),
    DONE: ("follow-up done", "follow-ups done"),
    SKIPPED: ("skipped", "skipped"),
    PLANNED: ("planned", "planned"),
    DUE_TODAY: ("due today", "due today"),
    OVERDUE: ("overdue", "overdue"),
}
# The text alternative names each overdue or due action up to this many, then counts the rest.
NAMED_IN_SUMMARY = 5

LANES_PER_PAGE = 25
# However busy one application gets, its lane keeps its most recent events only.
MAX_EVENTS_PER_LANE = 60
# Room for the application's name above its marks: the lanes use the chart's whole width, even on a phone.
LANE_HEIGHT = 44
DAY_MS = 24 * 60 * 60 * 1000
# The chart's words (lane names, dates, legend, "today"): the app's grey would be
# 3.7:1 on white, under the 4.5:1 that text needs; this is 12.6:1.
TEXT_COLOUR = "#31333f"

# Mid-sentence in a tooltip, so without the capital.
OUTCOME = {outcome: label[0].lower() + label[1:] for outcome, label in guide.ATTEMPT_OUTCOME.items()}

COLUMNS = ("application_id", "day", "event", "what", "why")
DECISION_WHY = "No status check before this date has passed (Cohen)."


def events(frames: dict[str, pd.DataFrame], today: date) -> pd.DataFrame:
    """Every interview, promised decision date and follow-up action, one row each.

    Planned actions of an application that is over are left out, as on the
    overview table: there is nothing left to chase; so are its promised
    decision dates, since the decision is made.
    """
    day = pd.Timestamp(today)
    interviews = frames["interviews"]
    actions = frames["actions"]

    held = pd.DataFrame(
        {
            "application_id": interviews["application_id"],
            "day": interviews["starts_at"],
            "event": INTERVIEW,
            "what": "Interview, round "
            + interviews["round"].astype("str")
            + " ("
            + interviews["format"].fillna("")
            + ") at "
            + interviews["starts_at"].dt.strftime("%H:%M"),
            "why": "",
        }
    )
    promised_at_interview = pd.DataFrame(
        {
            "application_id": interviews["application_id"],
            "day": interviews["decision_by"],
            "event": DECISION,
            "what": "Decision promised at the round " + interviews["round"].astype("str") + " interview",
            "why": DECISION_WHY,
        }
    )
    promised_on_call = pd.DataFrame(
        {
            "application_id": actions["application_id"],
            "day": actions["decision_by"],
            "event": DECISION,
            "what": "New decision date named on " + actions["done_on"].dt.strftime("%d %b"),
            "why": DECISION_WHY,
        }
    )

    done = actions[actions["status"] != ActionStatus.PLANNED.value]
    planned = overview.live_planned(frames)
    kind_label = {k.value: label for k, label in guide.ACTION_KIND.items()}
    channel_label = {c.value: label for c, label in guide.CHANNEL.items()}
    outcome_label = {o.value: label for o, label in OUTCOME.items()}

    def described(rows: pd.DataFrame) -> pd.Series:
        to = rows["recipient"].fillna("")
        return (
            rows["kind"].map(kind_label).fillna(rows["kind"])
            + " · "
            + rows["channel"].map(channel_label).fillna("")
            + to.where(to == "", " · " + to)
        )

    outcome = done["outcome"].map(outcome_label).fillna("")
    finished = pd.DataFrame(
        {
            "application_id": done["application_id"],
            "day": done["done_on"].fillna(done["due"]),
            "event": DONE,
            "what": described(done) + outcome.where(outcome == "", " → " + outcome),
            "why": done["why"],
        }
    )
    finished.loc[done["status"] == ActionStatus.SKIPPED.value, "event"] = SKIPPED

    upcoming = pd.DataFrame(
        {
            "application_id": planned["application_id"],
            "day": planned["due"],
            "event": PLANNED,
            "what": described(planned),
            "why": planned["why"],
        }
    )
    upcoming.loc[planned["due"] == day, "event"] = DUE_TODAY
    upcoming.loc[planned["due"] < day, "event"] = OVERDUE

    open_ids = frames["applications"].loc[frames["applications"]["status"].isin(overview.OPEN_STATUSES), "id"]
    promised = pd.concat([promised_at_interview, promised_on_call], ignore_index=True)
    promised = promised[promised["application_id"].isin(open_ids)]
    parts = [p for p in (held, promised, finished, upcoming) if not p.empty]
    if not parts:
        return pd.DataFrame(columns=list(COLUMNS))
    found = pd.concat(parts, ignore_index=True).dropna(subset=["day"])
    found["why"] = found["why"].fillna("")
    return found[list(COLUMNS)].sort_values(["application_id", "day"], kind="stable").reset_index(drop=True)


def page_count(lanes: int, per_page: int = LANES_PER_PAGE) -> int:
    return max(1, math.ceil(lanes / per_page))


def lanes(table: pd.DataFrame, page: int = 1, per_page: int = LANES_PER_PAGE) -> pd.DataFrame:
    """The applications on one page of the timeline, in the table's order (soonest next action first).

    Columns: application_id, lane (the label, made unique), order.
    """
    start = (max(1, page) - 1) * per_page
    shown = table.iloc[start : start + per_page]
    # At most a page of rows: plain Python beats pandas' per-call overhead here.
    ids = shown["id"].tolist()
    labels = [f"{company} — {role}" for company, role in zip(shown["company"], shown["role"], strict=True)]
    twins = {label for label in labels if labels.count(label) > 1}
    labels = [f"{label} (#{i})" if label in twins else label for label, i in zip(labels, ids, strict=True)]
    return pd.DataFrame({"application_id": ids, "lane": labels, "order": range(start, start + len(ids))})


def chart_rows(all_events: pd.DataFrame, page_lanes: pd.DataFrame) -> pd.DataFrame:
    """The events of the lanes on the page, at most MAX_EVENTS_PER_LANE each."""
    mine = all_events[all_events["application_id"].isin(page_lanes["application_id"])]
    mine = mine.groupby("application_id", sort=False).tail(MAX_EVENTS_PER_LANE)
    rows = mine.merge(page_lanes, on="application_id", how="left")
    return rows[["lane", "order", "day", "event", "what", "why"]]


def _counted(count: int, words: tuple[str, str]) -> str:
    return f"{count:,} {words[0] if count == 1 else words[1]}"


def _day_words(day: pd.Timestamp) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _named(rows: pd.DataFrame, heading: str, with_day: bool) -> str:
    named = [
        f"{row.what} for {row.lane}" + (f", due {_day_words(row.day)}" if with_day else "")
        for row in rows.head(NAMED_IN_SUMMARY).itertuples()
    ]
    if len(rows) > NAMED_IN_SUMMARY:
        named.append(f"and {len(rows) - NAMED_IN_SUMMARY:,} more")
    return f"{heading}: " + "; ".join(named) + "."


def summary(rows: pd.DataFrame, today: date) -> str:
    """The chart of `rows` (see `chart_rows`) in words, for whoever cannot see it.

    How many applications and over which days, how many events of each kind,
    and what is overdue or due today, by name: what the colours and shapes say.
    """
    if rows.empty:
        return "Nothing to draw: no application has an interview or a follow-up action yet."
    lanes_shown = rows["lane"].nunique()
    first, last = rows["day"].min(), rows["day"].max()
    counts = rows["event"].value_counts()
    kinds = ", ".join(
        _counted(int(counts[event]), words) for event, words in EVENT_COUNT_WORDS.items() if event in counts
    )
    span = (
        f"{_counted(lanes_shown, ('application', 'applications'))}, one lane each, "
        f"from {_day_words(first)} to {_day_words(last)}; today is {_day_words(pd.Timestamp(today))}."
    )
    sentences = [span, f"{kinds[0].upper()}{kinds[1:]}."]
    ordered = rows.sort_values(["day", "order"], kind="stable")
    overdue = ordered[ordered["event"] == OVERDUE]
    if not overdue.empty:
        sentences.append(_named(overdue, "Overdue", with_day=True))
    due = ordered[ordered["event"] == DUE_TODAY]
    if not due.empty:
        sentences.append(_named(due, "Due today", with_day=False))
    return " ".join(sentences)


def chart(rows: pd.DataFrame, today: date, title: str = "Follow-up timeline") -> alt.LayerChart:
    """One lane per application, its name written above it; a dashed rule marks today; click the
    legend to pick what shows.

    The names sit above the lanes rather than beside them, so the dates keep the whole width
    at 390 px as at 1366; the legend wraps in two columns; the date axis ticks at most once a day.
    The chart's description, which screen readers read out for it, is `title` and its `summary`.
    """
    lane = alt.Y(
        "lane:N",
        sort=alt.EncodingSortField(field="order", op="min"),
        title=None,
        axis=None,
        scale=alt.Scale(paddingOuter=0.6),
    )
    # Padding keeps the first and last marks whole instead of cut in half by the frame.
    when = alt.X(
        "day:T",
        title=None,
        scale=alt.Scale(padding=12),
        axis=alt.Axis(format="%d %b", orient="top", grid=True, tickMinStep=DAY_MS, labelOverlap=True),
    )
    picked = alt.selection_point(fields=["event"], bind="legend", name="shown_events")
    base = alt.Chart(rows)

    # The line under each lane only joins its marks: screen readers skip it.
    span = base.mark_rule(color="#d5dae5", strokeWidth=2, aria=False).encode(
        x=alt.X("min(day):T", title=None), x2="max(day)", y=lane
    )

    colours = [colour for colour, _ in EVENT_STYLE.values()]
    shapes = [shape for _, shape in EVENT_STYLE.values()]
    points = (
        base.mark_point(filled=True, size=110, strokeWidth=2)
        # What a screen reader says for each mark, as the tooltip shows it.
        .transform_calculate(
            spoken="datum.event + ', ' + timeFormat(datum.day, '%a %d %b %Y') + ', ' + datum.lane"
            " + (datum.what ? ': ' + datum.what : '')"
        )
        .encode(
            description="spoken:N",
            x=when,
            y=lane,
            color=alt.Color(
                "event:N",
                scale=alt.Scale(domain=list(EVENT_STYLE), range=colours),
                legend=alt.Legend(
                    title=None, orient="bottom", columns=2, symbolSize=120, labelFontSize=12, labelLimit=150
                ),
            ),
            shape=alt.Shape("event:N", scale=alt.Scale(domain=list(EVENT_STYLE), range=shapes)),
            opacity=alt.when(picked).then(alt.value(1.0)).otherwise(alt.value(0.08)),
            tooltip=[
                alt.Tooltip("lane:N", title="Application"),
                alt.Tooltip("event:N", title="Kind"),
                alt.Tooltip("day:T", title="When", format="%a %d %b %Y"),
                alt.Tooltip("what:N", title="What"),
                alt.Tooltip("why:N", title="Why"),
            ],
        )
        .add_params(picked)
    )

    today_frame = pd.DataFrame({"day": [pd.Timestamp(today)], "label": ["today"]})
    today_rule = (
        alt.Chart(today_frame)
        .mark_rule(color=TEXT_COLOUR, strokeDash=[5, 4], strokeWidth=1.5)
        .encode(x="day:T")
    )
    today_label = (
        alt.Chart(today_frame)
        .mark_text(align="left", dx=4, dy=-4, baseline="bottom", color=TEXT_COLOUR, fontWeight="bold")
        .encode(x="day:T", y=alt.value(0), text="label:N")
    )

    names = (
        alt.Chart(rows.drop_duplicates("lane")[["lane", "order"]])
        .mark_text(align="left", baseline="bottom", dy=-9, fontSize=12, color=TEXT_COLOUR, limit=600)
        .encode(x=alt.value(0), y=lane, text="lane:N")
    )

    return (
        alt.layer(span, today_rule, points, today_label, names)
        .properties(height=alt.Step(LANE_HEIGHT), description=f"{title}. {summary(rows, today)}")
        .configure_view(stroke=None)
        .configure_axis(labelColor=TEXT_COLOUR, titleColor=TEXT_COLOUR)
        .configure_legend(labelColor=TEXT_COLOUR, titleColor=TEXT_COLOUR)
    )
