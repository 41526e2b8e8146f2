"""Errors the user can act on. Each message is written to be shown as it is."""

from __future__ import annotations


class FollowupError(Exception):
    """Base of every error whose message is meant for the user."""


class ValidationFailed(FollowupError):
    """Input that cannot be saved; `errors` maps each field to what is wrong."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))


class NotFound(FollowupError):
    pass


class StaleEdit(FollowupError):
    """Someone (another tab, another window) saved the same record first."""


class StorageError(FollowupError):
    """The database cannot be read or written: disk full, read-only, locked too long."""


class BadSetting(FollowupError):
    """A setting from the environment that cannot be understood."""


class SchemaTooNew(FollowupError):
    def __init__(self, found: int, supported: int):
        self.found = found
        self.supported = supported
        super().__init__(
            f"This database was written by a newer version of followup (schema {found}; "
            f"this version knows up to {supported}). It was left untouched: "
            "update followup to open it."
        )


class UnknownCountry(FollowupError, ValueError):
    """A country code without a calendar of public holidays."""
