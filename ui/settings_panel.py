"""The settings that shape every follow-up plan: country and region, cadence profile, signature."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from followup import business_days, cadence, guide, planning
from followup.errors import FollowupError
from followup.model import CadenceProfile
from followup.store import Store
from ui import errors, session
from ui.text import md

PREFIX = "plan-settings-"
PROBLEM = f"{PREFIX}problem"
# Set by a link to the settings ("Open the follow-up plan's settings"): the plan page opens with them shown.
OPEN = f"{PREFIX}open"
COUNTRY = f"{PREFIX}country"
WHOLE_COUNTRY = ""

DISAGREEMENT = (
    "The sources disagree on how persistent to be. One says call again two days after each "
    f"unanswered call, up to ten courteous calls ({guide.cite(['002'])}); another says that after "
    f"several weeks of silence you should let it go ({guide.cite(['001'])}); a third warns that "
    f"calling too often turns eager into obnoxious ({guide.cite(['003'])}). Pick the one that suits "
    "you and the field. **Moderate** is the default. Whatever you pick, status checks by email stay "
    "a week apart, three at most, and every chase closes within eight weeks of its first check."
)


@st.cache_data(max_entries=1, show_spinner=False)
def _countries() -> dict[str, str]:
    # The same for every visitor and never changed by anyone: safe to share.
    return dict(business_days.supported_countries())


@st.cache_data(max_entries=64, show_spinner=False)
def _regions(country: str) -> dict[str, str]:
    # Fixed data of the holidays package, the same for every visitor.
    return {WHOLE_COUNTRY: "", **dict(business_days.subdivisions(country))}


def _region_label(regions: dict[str, str], code: str) -> str:
    if code == WHOLE_COUNTRY:
        return "The whole country (national holidays only)"
    name = regions.get(code, code)
    return name if name == code else f"{name} ({code})"


def _profile_caption(profile: CadenceProfile) -> str:
    rule = cadence.explain_profile(profile)
    return (
        f"Every {rule.gap_text} while unanswered, at most {rule.max_checks} checks "
        f"({rule.source_text}). {rule.description}"
    )


def _profile_name(profile: CadenceProfile) -> str:
    name = cadence.explain_profile(profile).name
    return f"{name} (default)" if profile is cadence.DEFAULT_PROFILE else name


def place(country: str, subdivision: str) -> str:
    """ "United States", or "Canada, Ontario" with a region."""
    name = _countries().get(country, country)
    if not subdivision:
        return name
    return f"{name}, {_regions(country).get(subdivision, subdivision)}"


def summary(store: Store) -> str:
    """One line on the settings in force, e.g. "Business days of Canada, Ontario · Moderate cadence"."""
    settings = store.get_settings()
    where = place(settings.country, settings.subdivision)
    return f"Business days of {where} · {cadence.explain_profile(settings.cadence).name} cadence"


def _region_key(country: str) -> str:
    # One region widget per country: its choices are that country's regions.
    return f"{PREFIX}subdivision-{country}"


def split_signature(signature: str) -> tuple[str, str]:
    """The stored signature as the two fields show it: the name (its first line), then the rest."""
    name, _, rest = signature.strip().partition("\n")
    return name.strip(), rest.strip()


def join_signature(name: str, details: str) -> str:
    """What letters end with: the name, then the lines under it, with blank lines left out."""
    lines = [name.strip(), *(line.strip() for line in details.splitlines())]
    return "\n".join(line for line in lines if line)


def open_settings() -> None:
    """Go to the plan page with its settings shown."""
    st.session_state[OPEN] = True
    st.switch_page("pages/plan.py")


def settings_panel(store: Store) -> None:
    """Country and region (outside the form, so the regions follow the country), then the form.

    Saving a new region or cadence recomputes every application's plan.
    """
    settings = store.get_settings()
    countries = _countries()
    codes = list(countries)
    left, right = st.columns(2)
    country = left.selectbox(
        "Country for public holidays",
        codes,
        index=codes.index(settings.country) if settings.country in codes else None,
        format_func=lambda code: f"{countries[code]} ({code})",
        key=COUNTRY,
        help="Follow-ups are never due on a weekend or a public holiday where you and they work. "
        "The thank-you email is the exception: it goes the day of the interview.",
    )
    regions = _regions(country) if country else {WHOLE_COUNTRY: ""}
    options = list(regions)
    saved = settings.subdivision if country == settings.country and settings.subdivision in regions else ""
    right.selectbox(
        "Region (state, province, Land…)",
        options,
        index=options.index(saved),
        format_func=lambda code: _region_label(regions, code),
        key=_region_key(country or ""),
        disabled=len(options) == 1,
        help="Many regions have public holidays of their own: Thanksgiving in Ontario, Corpus Christi "
        "in Bavaria. Choose yours so that no call falls on one."
        if len(options) > 1
        else "This country has no regions with holidays of their own.",
    )
    with st.form(f"{PREFIX}form", border=False):
        st.markdown(DISAGREEMENT)
        profiles = list(CadenceProfile)
        st.radio(
            "Cadence profile",
            profiles,
            index=profiles.index(settings.cadence),
            format_func=_profile_name,
            captions=[_profile_caption(p) for p in profiles],
            key=f"{PREFIX}cadence",
        )
        name, details = split_signature(settings.signature)
        st.text_input(
            "Your name for letters and call scripts",
            value=name,
            key=f"{PREFIX}name",
            max_chars=200,
            help="The name you sign letters with and introduce yourself with on the phone.",
        )
        st.text_area(
            "Your phone number, for voicemail messages (and anything else to put under your name)",
            value=details,
            key=f"{PREFIX}details",
            max_chars=300,
            height=68,
            placeholder="e.g. +1 555 0199",
            help="Letters end with your name and these lines; the voicemail script gives the phone number.",
        )
        problem = st.session_state.get(PROBLEM)
        if problem:
            st.error(md(problem), icon=":material/error:")
        st.form_submit_button("Save settings", type="primary", on_click=_save, args=(store,))
    st.page_link("pages/sources.py", label="Where the advice comes from", icon=":material/menu_book:")


@errors.guarded
def _save(store: Store) -> None:
    state = st.session_state
    try:
        current = store.get_settings()
        country = state.get(COUNTRY) or current.country
        region = business_days.Region(country, state.get(_region_key(country), WHOLE_COUNTRY) or "")
        chosen = replace(
            current,
            country=region.country,
            subdivision=region.subdivision,
            cadence=CadenceProfile(state[f"{PREFIX}cadence"]),
            signature=join_signature(state[f"{PREFIX}name"], state[f"{PREFIX}details"]),
        )
        store.save_settings(chosen)
    except (FollowupError, ValueError) as error:
        state[PROBLEM] = f"Not saved: {error}"
        return
    state.pop(PROBLEM, None)
    # The signature moves no date; the region and the cadence move them all.
    if (chosen.country, chosen.subdivision, chosen.cadence) == (
        current.country,
        current.subdivision,
        current.cadence,
    ):
        session.flash("Settings saved.")
        return
    try:
        replanned = planning.replan_all(store)
    except FollowupError as error:
        state[PROBLEM] = (
            f"Settings saved, but the plans were not recomputed: {error} "
            "Open each application's plan, or save again."
        )
        return
    session.flash(
        f"Settings saved. Recomputed the plans of {replanned} application{'s' if replanned != 1 else ''}."
    )
