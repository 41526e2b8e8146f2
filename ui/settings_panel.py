"""The settings that shape every follow-up plan: country, cadence profile, signature."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from followup import business_days, cadence, planning
from followup.errors import FollowupError
from followup.model import CadenceProfile
from followup.store import Store
from ui import errors, session
from ui.text import md

PREFIX = "plan-settings-"
PROBLEM = f"{PREFIX}problem"

DISAGREEMENT = (
    "The sources disagree on how persistent to be. One says call again two days after each "
    "unanswered call, up to ten courteous calls (seed 002); another says that after several "
    "weeks of silence you should let it go (seed 001); a third warns that calling too often "
    "turns eager into annoying (seed 003). Pick the one that suits you and the field. "
    "**Moderate** is the default."
)


@st.cache_data(max_entries=1, show_spinner=False)
def _countries() -> dict[str, str]:
    # The same for every visitor and never changed by anyone: safe to share.
    return dict(business_days.supported_countries())


def _profile_caption(profile: CadenceProfile) -> str:
    rule = cadence.explain_profile(profile)
    return (
        f"Every {rule.gap_text} while unanswered, at most {rule.max_checks} checks "
        f"({rule.source_text}). {rule.description}"
    )


def _profile_name(profile: CadenceProfile) -> str:
    name = cadence.explain_profile(profile).name
    return f"{name} (default)" if profile is cadence.DEFAULT_PROFILE else name


def summary(store: Store) -> str:
    """One line on the settings in force, e.g. "United States · Moderate cadence"."""
    settings = store.get_settings()
    country = _countries().get(settings.country, settings.country)
    return f"Business days of {country} · {cadence.explain_profile(settings.cadence).name} cadence"


def settings_panel(store: Store) -> None:
    """The form; saving a new country or cadence recomputes every application's plan."""
    settings = store.get_settings()
    countries = _countries()
    codes = list(countries)
    with st.form(f"{PREFIX}form", border=False):
        st.selectbox(
            "Country for public holidays",
            codes,
            index=codes.index(settings.country) if settings.country in codes else None,
            format_func=lambda code: f"{countries[code]} ({code})",
            key=f"{PREFIX}country",
            help="Follow-ups are never due on a weekend or a public holiday of this country.",
        )
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
        st.text_area(
            "Your name for letters and call scripts",
            value=settings.signature,
            key=f"{PREFIX}signature",
            max_chars=500,
            height=90,
            help="The first line is the name you introduce yourself with. Add your phone number "
            "on another line and the voicemail script will give it.",
        )
        problem = st.session_state.get(PROBLEM)
        if problem:
            st.error(md(problem), icon=":material/error:")
        st.form_submit_button("Save settings", type="primary", on_click=_save, args=(store,))


@errors.guarded
def _save(store: Store) -> None:
    state = st.session_state
    try:
        current = store.get_settings()
        chosen = replace(
            current,
            country=business_days.check_country(state[f"{PREFIX}country"] or current.country),
            cadence=CadenceProfile(state[f"{PREFIX}cadence"]),
            signature=state[f"{PREFIX}signature"].strip(),
        )
        store.save_settings(chosen)
    except (FollowupError, ValueError) as error:
        state[PROBLEM] = f"Not saved: {error}"
        return
    state.pop(PROBLEM, None)
    # The signature moves no date; the country and the cadence move them all.
    if (chosen.country, chosen.cadence) == (current.country, current.cadence):
        session.flash("Settings saved.")
        return
    try:
        replanned = planning.replan_all(store)
    except FollowupError as error:
        state[PROBLEM] = (
            f"Settings saved, but the plans were not recomputed: {error} "
            "Use “Recompute the plan” on each application, or save again."
        )
        return
    session.flash(
        f"Settings saved. Recomputed the plans of {replanned} application{'s' if replanned != 1 else ''}."
    )
