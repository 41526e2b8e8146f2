"""followup: the router. Every page lives in pages/; the rules live in followup/."""

from pathlib import Path

import streamlit as st

from ui import account, errors, forms, menu, session

PAGES = Path(__file__).parent / "pages"

session.routed()


def page(name: str, title: str, icon: str, **options) -> st.Page:
    return st.Page(PAGES / f"{name}.py", title=title, icon=f":material/{icon}:", **options)


# An icon file of our own: an emoji would load Streamlit's whole emoji catalogue to be told
# apart (a quarter of a second of every first visit), and a Material icon is fetched from
# Google's servers, which the app never asks anything of.
st.set_page_config(
    page_title="followup", page_icon=str(Path(__file__).parent / "ui" / "icon.svg"), layout="wide"
)
# Keyboard focus that Streamlit leaves unseen: a page link (in the page or the menu)
# shows it in the shade that already marks the page you are on, a chart's buttons
# (show data, download, full screen) stay transparent while they have it, and
# Shift+Tab scrolls a control up under the bar at the top of the page. A ring in the
# theme's primary colour (4.6:1 on white), drawn inside the link so that no box
# around it can cut it off, the buttons shown while focused, and room for the bar.
st.html(
    "<style>"
    ':is(a[data-testid="stPageLink-NavLink"], a[data-testid="stSidebarNavLink"], '
    '[data-testid="stElementToolbar"] button):focus-visible '
    "{ outline: 2px solid #1f6feb; outline-offset: -2px; } "
    '[data-testid="stElementToolbar"]:focus-within { opacity: 1; } '
    ':is([data-testid="stMain"], [data-testid="stAppViewContainer"]) { scroll-padding-top: 4.5rem; }'
    "</style>"
)

if account.sign_in_required():
    # Whatever page was asked for, a visitor who has not signed in gets this one, and nothing else.
    sign_in = st.navigation(
        [
            st.Page(
                account.sign_in_page,
                title="Sign in",
                icon=":material/login:",
                url_path="sign-in",
                default=True,
            )
        ],
        position="hidden",
    )
    with errors.boundary():
        sign_in.run()
    st.stop()

# Today is the app's address itself ("/"); its page keeps a name of its own, which only tells
# it apart from the old address below.
today = page("overview", "Today", "dashboard", default=True, url_path="today")


def _today_by_its_old_address() -> None:
    # /overview, Today's address on a server's very first visit (Streamlit names a page after its
    # file until the router has run once): a bookmark made then still opens Today, not an error.
    st.switch_page(today, query_params=st.query_params.to_dict())


navigation = st.navigation(
    {
        "After the interview": [
            page("close_interview", "1 · Close the interview", "handshake"),
            page("debrief", "2 · Debrief", "edit_note"),
            page("letters", "3 · Letters", "mail"),
            page("plan", "4 · Follow-up plan", "event_upcoming"),
            page("outcome", "5 · Outcome", "flag"),
        ],
        "Overview": [
            # The page to open every morning, and the welcome on a first visit.
            today,
            st.Page(_today_by_its_old_address, title="Today", url_path="overview", visibility="hidden"),
            page("applications", "Applications", "work"),
            page("data", "Your data", "database"),
            page("sources", "Sources", "menu_book"),
        ],
    }
)
with errors.boundary():
    forms.page_scripts()
    menu.closes_on_choice()
    account.account_box()
    session.store()
    session.demo_banner()
    # A demo's refresh starts again from a fresh sample, on purpose: nothing is put back there.
    forms.keep_unsent_text(after_reload=not session.demo_mode())
    navigation.run()
