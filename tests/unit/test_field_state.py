"""What a field that saves as you go shows, and what a value from the browser does (ui/field_state.py)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from ui.field_state import UNSET, Known, Verdict, dropped, judge, kept, saved, show

# -- what the field shows ------------------------------------------------------------


def test_a_field_seen_for_the_first_time_shows_what_is_stored_without_telling_the_browser():
    shown = show(Known(), "the churn dashboard")
    assert (shown.value, shown.push) == ("the churn dashboard", False)
    assert shown.known == Known(shown="the churn dashboard")


def test_a_value_saved_elsewhere_is_told_to_the_browser_once():
    first = show(Known(shown="mine"), "theirs")
    assert (first.value, first.push) == ("theirs", True)
    again = show(first.known, "theirs")
    assert (again.value, again.push) == ("theirs", False)


def test_an_unsaved_draft_shows_over_what_is_stored_and_is_never_pushed():
    known = Known(shown="stored", draft="priya@")
    shown = show(known, "stored")
    assert (shown.value, shown.push, shown.known) == ("priya@", False, known)
    # Even when the stored value changes underneath, the user's text stays on screen.
    assert show(known, "changed elsewhere").value == "priya@"


def test_a_draft_that_the_database_now_holds_is_a_draft_no_more():
    shown = show(Known(shown="old", draft="same text"), "same text")
    assert (shown.value, shown.known) == ("same text", Known(shown="same text"))


def test_an_empty_stored_value_shows_empty_and_a_cleared_field_stays_cleared():
    assert show(Known(), "").value == ""
    cleared = show(Known(shown="text"), "")
    assert (cleared.value, cleared.push) == ("", True)


# -- what a value from the browser is ----------------------------------------------


def test_the_browser_sending_back_what_it_was_shown_is_not_an_edit():
    # A box drawn afresh at its default, then sent back by the next click: nothing to save.
    assert judge(Known(shown="stored"), "stored", "stored") is Verdict.REPEATED
    # Not even when the database changed meanwhile: the user typed nothing.
    assert judge(Known(shown="stored"), "stored", "changed elsewhere") is Verdict.REPEATED
    # With a draft on screen, sending the draft back is no edit either.
    assert judge(Known(shown="stored", draft="priya@"), "priya@", "stored") is Verdict.REPEATED


def test_an_edit_of_what_is_stored_is_saved():
    assert judge(Known(shown="stored"), "stored, and more", "stored") is Verdict.SAVE
    assert judge(Known(shown="stored"), "", "stored") is Verdict.SAVE  # clearing is an edit too


def test_an_edit_made_on_a_value_that_changed_elsewhere_is_a_conflict():
    assert judge(Known(shown="stored"), "mine", "theirs") is Verdict.CONFLICT


def test_an_edit_that_matches_the_database_needs_no_save():
    assert judge(Known(shown="stored", draft="priya@"), "stored", "stored") is Verdict.AS_STORED
    assert judge(Known(shown="old"), "theirs", "theirs") is Verdict.AS_STORED


def test_a_field_this_session_never_showed_is_judged_against_the_database():
    assert judge(Known(), "stored", "stored") is Verdict.REPEATED
    assert judge(Known(), "new", "stored") is Verdict.SAVE


def test_what_is_remembered_after_each_outcome():
    assert saved("mine") == Known(shown="mine")
    assert kept(Known(shown="stored"), "priya@") == Known(shown="stored", draft="priya@")
    assert dropped("theirs") == Known(shown="theirs")
    assert Known(shown="stored").on_screen == "stored"
    assert Known(shown="stored", draft="priya@").on_screen == "priya@"
    assert Known().draft is UNSET


# -- a session of untidy events, against a browser and a database ----------------------

TEXT = st.sampled_from(["", "a", "b", "a b", "c"])
EVENTS = st.lists(
    st.one_of(
        st.tuples(st.just("type"), TEXT),  # the user types and leaves the box
        st.tuples(st.just("elsewhere"), TEXT),  # another tab saves the same field
        st.tuples(st.just("redrawn")),  # the browser draws the box afresh and sends its value back
        st.tuples(st.just("rerun")),  # any other interaction: the page runs again
        st.tuples(st.just("keep mine")),
        st.tuples(st.just("take theirs")),
    ),
    max_size=25,
)


class Session:
    """The field as ui/forms.Autosave drives it: a browser box, the session, the database."""

    def __init__(self, stored: str):
        self.database = stored
        self.known = Known()
        self.typed: list[str] = []  # what the user typed, in order
        self.written: list[str] = []  # what this session wrote to the database
        self.replaced_since_typed = False
        self.run()

    def run(self) -> None:
        self.at_last_run = self.database
        shown = show(self.known, self.database)
        self.known = shown.known
        self.default = shown.value  # the widget's declared default
        if shown.push or not hasattr(self, "box"):
            self.box = shown.value  # what the browser shows

    def value_from_browser(self, value: str) -> None:
        verdict = judge(self.known, value, self.database)
        if verdict is Verdict.SAVE:
            self.database = value
            self.written.append(value)
            self.known = saved(value)
        elif verdict is Verdict.AS_STORED:
            self.known = saved(value)
        elif verdict is Verdict.CONFLICT:
            self.known = kept(self.known, value)
        self.run()

    def apply(self, event) -> None:
        kind = event[0]
        if kind == "type":
            if event[1] == self.box:
                return  # the browser sends nothing when the text did not change
            self.typed.append(event[1])
            self.replaced_since_typed = False
            self.box = event[1]
            self.value_from_browser(event[1])
        elif kind == "elsewhere":
            self.database = event[1]
            self.replaced_since_typed = True
        elif kind == "redrawn":
            self.box = self.default
            self.value_from_browser(self.box)
        elif kind == "rerun":
            self.run()
        elif kind == "keep mine" and self.known.draft is not UNSET:
            mine = self.known.draft
            self.known = dropped(self.database)
            self.value_from_browser(mine)
        elif kind == "take theirs" and self.known.draft is not UNSET:
            self.replaced_since_typed = True
            self.known = dropped(self.database)
            self.box = self.database
            self.run()


@settings(max_examples=400)
@given(stored=TEXT, events=EVENTS)
def test_whatever_happens_nothing_typed_is_lost_and_nothing_untyped_is_saved(stored, events):
    session = Session(stored)
    for event in events:
        session.apply(event)
        # The box never shows anything but the user's unsaved text or what was stored when
        # the page last ran (another tab's save shows on the next run).
        assert session.box in (session.at_last_run, session.known.draft)
        # A box drawn afresh shows the same.
        assert session.default == session.box or session.known.draft is UNSET
    # Every value this session wrote is one the user typed.
    assert all(value in session.typed for value in session.written)
    # The last thing the user typed is stored, or still on screen as a draft,
    # unless they chose the other version or it was overwritten elsewhere since.
    if session.typed and not session.replaced_since_typed:
        assert session.typed[-1] in (session.database, session.known.draft)
