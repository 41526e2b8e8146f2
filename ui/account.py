"""Signing in and out, when the deployment asks everyone to (an [auth] section in the secrets)."""

from __future__ import annotations

import logging
from collections.abc import Mapping

import streamlit as st
from streamlit.errors import StreamlitAuthError

from followup.errors import FollowupError
from ui import session
from ui.text import md

_LOGGER = logging.getLogger(__name__)

# How a named provider section ([auth.NAME]) is shown on its button; others show their name.
_PROVIDER_NAMES = {
    "google": "Google",
    "microsoft": "Microsoft",
    "entra": "Microsoft",
    "okta": "Okta",
    "auth0": "Auth0",
    "keycloak": "Keycloak",
}


def sign_in_required() -> bool:
    """Sign-in is configured and no one is signed in yet: show the sign-in page and nothing else."""
    return session.sign_in_configured() and not st.user.is_logged_in


def _providers() -> list[str | None]:
    """The named providers ([auth.google], [auth.okta], …), or None for the one in [auth] itself."""
    auth = st.secrets.get("auth") or {}
    named = [name for name, value in auth.items() if isinstance(value, Mapping) and "client_id" in value]
    return named or [None]


def sign_in_page() -> None:
    """The only page a visitor sees before signing in."""
    st.title("followup")
    st.write(
        "Follow up after every job interview: the questions to ask, notes on each interviewer, "
        "a different thank-you letter for each, and a follow-up plan on business days."
    )
    st.info(
        "Sign in to see your applications. What you save is yours alone: no one else who signs in "
        "here can see it.",
        icon=":material/lock:",
    )
    providers = _providers()
    with st.container(horizontal=True):
        for provider in providers:
            name = _PROVIDER_NAMES.get(provider or "", (provider or "").replace("-", " ").title())
            label = f"Sign in with {name}" if provider and len(providers) > 1 else "Sign in"
            if st.button(
                label, type="primary", icon=":material/login:", key=f"sign-in-{provider or 'default'}"
            ):
                _sign_in(provider)


def _sign_in(provider: str | None) -> None:
    try:
        if provider is None:
            st.login()
        else:
            st.login(provider)
    except StreamlitAuthError as error:
        # The details name settings and files: they are for the operator's log, not the visitor.
        _LOGGER.error("Sign-in is not set up completely: %s", error)
        st.error(
            "Sign-in is not set up completely on this site yet, so no one can sign in. "
            "Please tell whoever runs it.",
            icon=":material/error:",
        )


def account_box() -> None:
    """In the sidebar, for a signed-in person: who they are, and a way out."""
    if not session.sign_in_configured() or not st.user.is_logged_in:
        return
    with st.sidebar:
        try:
            session.signed_in_owner()
        except FollowupError as error:
            st.error(str(error), icon=":material/person_off:")
        label = session.signed_in_label() or "your account"
        st.caption(f":material/account_circle: Signed in as **{md(label)}**")
        email = st.user.get("email")
        if isinstance(email, str) and email and email != label:
            st.caption(md(email))
        if st.button("Sign out", icon=":material/logout:", key="sign-out"):
            st.logout()
