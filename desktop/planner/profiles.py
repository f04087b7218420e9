"""The user's profile as the planner uses it: the saved one, or defaults until one is saved."""

from __future__ import annotations

from desktop.advice import Profile
from desktop.store import Store

# Used until the user saves a profile of their own.
DEFAULT_PROFILE = Profile(max_distance_km=10.0, max_speed_kmh=12.0)


class ProfileBook:
    """The saved profile, read once from the store and kept until it is saved or reloaded."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._saved: Profile | None = store.profile()

    def has_saved(self) -> bool:
        """True once the user saved a profile."""
        return self._saved is not None

    def current(self) -> Profile:
        """The saved profile, or sensible defaults until one is saved."""
        return self._saved if self._saved is not None else DEFAULT_PROFILE

    def save(self, profile: Profile) -> None:
        """Store a new profile and use it from now on."""
        self._store.save_profile(profile)
        self._saved = profile

    def reload(self) -> None:
        """Read the saved profile again (after the database was replaced)."""
        self._saved = self._store.profile()
