"""The schema version in PRAGMA user_version, how each version looks, and the migrations."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from peewee import SQL, BooleanField, FloatField, IntegerField, SqliteDatabase, TextField

from desktop.advice.limits import (
    PROFILE_DISTANCE_WHY,
    PROFILE_MAX_DISTANCE_KM,
    PROFILE_MAX_SPEED_KMH,
    PROFILE_MIN_DISTANCE_KM,
    PROFILE_MIN_SPEED_KMH,
    PROFILE_SPEED_WHY,
)
from desktop.store.models import (
    MODELS,
    IsoDateTimeField,
    MetaRow,
    PreferenceRow,
    TemplateRow,
)

# Version 1: sessions, profile, preferences, day logs with water only. Version 2 adds
# session.created/updated, daylog.bcaa/note and the meta table. Version 3 (current) adds a
# session's actual values and RPE, daylog.soreness, week templates, Liftrun's
# application_id in the header, and brings old profiles into the engine's ranges.
SCHEMA_VERSION = 3
CHANGES_KEY = "changes"
# "Lftr": written into the file header so Liftrun knows its own files from others'.
APPLICATION_ID = 0x4C667472
# Where the profile fix-up leaves sentences for the window to show once.
ADJUSTMENTS_KEY = "liftrun.profile-adjustments"

_V1_COLUMNS: dict[str, frozenset[str]] = {
    "session": frozenset(
        [
            "id",
            "kind",
            "start",
            "duration_min",
            "workout",
            "distance_km",
            "speed_kmh",
            "spotter",
            "pain",
            "done",
            "notes",
            "sets",
            "reps",
            "load_kg",
        ]
    ),
    "profile": frozenset(
        [
            "id",
            "max_distance_km",
            "max_speed_kmh",
            "immediate_window_min",
            "water_target_oz",
            "distance_unit",
            "volume_unit",
            "weight_unit",
        ]
    ),
    "preference": frozenset({"key", "value"}),
    "daylog": frozenset({"day", "water_oz"}),
}
_V2_COLUMNS = {
    **_V1_COLUMNS,
    "session": _V1_COLUMNS["session"] | {"created", "updated"},
    "daylog": _V1_COLUMNS["daylog"] | {"bcaa", "note"},
    "meta": frozenset({"key", "value"}),
}
_V3_COLUMNS = {
    **_V2_COLUMNS,
    "session": _V2_COLUMNS["session"]
    | {"actual_distance_km", "actual_duration_min", "rpe"}
    | {"actual_sets", "actual_reps", "actual_load_kg"},
    "daylog": _V2_COLUMNS["daylog"] | {"soreness"},
    "template": frozenset(
        [
            "name",
            "position",
            "offset_min",
            "kind",
            "duration_min",
            "workout",
            "distance_km",
            "speed_kmh",
            "spotter",
            "notes",
            "sets",
            "reps",
            "load_kg",
        ]
    ),
}
# Exactly the tables and columns each version has: anything else is not a Liftrun file.
LAYOUTS: dict[int, dict[str, frozenset[str]]] = {1: _V1_COLUMNS, 2: _V2_COLUMNS, 3: _V3_COLUMNS}

# The longest run and top speed earlier versions accepted (above 0 up to these).
_OLD_MAX_DISTANCE_KM = 500.0
_OLD_MAX_SPEED_KMH = 45.0
# The v3 fix-up's ranges, fixed as they were when version 3 was written.
_WINDOW_RANGE = (10, 180)
_MIN_WATER_OZ = 64.0


def create_schema(db: SqliteDatabase) -> None:
    """Create the current schema in an empty database; call inside db.atomic() and bind_ctx."""
    db.create_tables(MODELS, safe=False)
    MetaRow.insert(key=CHANGES_KEY, value=0).execute()
    db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    set_user_version(db, SCHEMA_VERSION)


def set_user_version(db: SqliteDatabase, version: int) -> None:
    """Write PRAGMA user_version (transactional, so it commits with the migration)."""
    db.execute_sql(f"PRAGMA user_version = {int(version)}")


def user_version(db: SqliteDatabase) -> int:
    """Read PRAGMA user_version."""
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def _migrate_1_to_2(db: SqliteDatabase) -> list[str]:
    # Imported here: only an old database needs it, and it costs every start-up ~5 ms.
    from playhouse.migrate import SqliteMigrator, migrate

    migrator = SqliteMigrator(db)
    migrate(
        migrator.add_column("session", "created", IsoDateTimeField(null=True)),
        migrator.add_column("session", "updated", IsoDateTimeField(null=True)),
        migrator.add_column(
            "daylog", "bcaa", BooleanField(default=False, constraints=[SQL("DEFAULT 0")])
        ),
        migrator.add_column(
            "daylog", "note", TextField(default="", constraints=[SQL("DEFAULT ''")])
        ),
    )
    db.create_tables([MetaRow], safe=False)
    MetaRow.insert(key=CHANGES_KEY, value=1).execute()
    return []


def _migrate_2_to_3(db: SqliteDatabase) -> list[str]:
    from playhouse.migrate import SqliteMigrator, migrate

    migrator = SqliteMigrator(db)
    migrate(
        migrator.add_column("session", "actual_distance_km", FloatField(null=True)),
        migrator.add_column("session", "actual_duration_min", IntegerField(null=True)),
        migrator.add_column("session", "rpe", IntegerField(null=True)),
        migrator.add_column("session", "actual_sets", IntegerField(null=True)),
        migrator.add_column("session", "actual_reps", IntegerField(null=True)),
        migrator.add_column("session", "actual_load_kg", FloatField(null=True)),
        migrator.add_column("daylog", "soreness", IntegerField(null=True)),
    )
    db.create_tables([TemplateRow], safe=False)
    db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    return _fix_profile(db)


def _fix_profile(db: SqliteDatabase) -> list[str]:
    """Bring a saved window and water target into the ranges the engine now accepts.

    Earlier versions accepted a window of 0-1440 minutes and any water target; a database
    must still open, so the values are moved to the nearest allowed one and the user is
    told once what changed.
    """
    row = db.execute_sql(
        "SELECT immediate_window_min, water_target_oz FROM profile WHERE id = 1"
    ).fetchone()
    if row is None:
        return []
    window, water = row
    told: list[str] = []
    low, high = _WINDOW_RANGE
    if not isinstance(window, int | float) or not low <= window <= high or window != int(window):
        number = float(window) if isinstance(window, int | float) else math.nan
        fixed = high if not math.isfinite(number) else min(max(round(number), low), high)
        db.execute_sql("UPDATE profile SET immediate_window_min = ? WHERE id = 1", (fixed,))
        told.append(
            f"Your 'right after a deadlift' window was {window} minutes; Liftrun now allows "
            f"{low} to {high} minutes, so it is now {fixed} minutes. Change it in the profile."
        )
    if not isinstance(water, int | float) or not water >= _MIN_WATER_OZ:
        db.execute_sql("UPDATE profile SET water_target_oz = ? WHERE id = 1", (_MIN_WATER_OZ,))
        told.append(
            f"Your daily water target was below {_MIN_WATER_OZ:.0f} oz (about 1.9 litres), "
            "the least the article recommends, so it is now "
            f"{_MIN_WATER_OZ:.0f} oz. You may set it higher in the profile."
        )
    if told:
        PreferenceRow.insert(
            key=ADJUSTMENTS_KEY, value="\n".join(told)
        ).on_conflict_replace().execute()
    return told


def bring_into_bounds(distance_km: object, speed_kmh: object) -> tuple[float, float, list[str]]:
    """A saved longest run and top speed moved to the nearest value the engine accepts.

    Earlier versions accepted any distance above 0 up to 500 km and any speed above 0 up
    to 45 km/h; such a profile must still open, so a value out of today's bounds moves to
    the nearest bound and the returned sentences tell the user once what changed. A value
    no version accepted is left alone (the profile then asks to be entered again).
    """
    told: list[str] = []
    low, high = PROFILE_MIN_DISTANCE_KM, PROFILE_MAX_DISTANCE_KM
    distance = _clamped(distance_km, low, high, _OLD_MAX_DISTANCE_KM)
    if distance != distance_km:
        told.append(
            f"Your longest run was {_shown(distance_km)} km; Liftrun now allows {low:g} to "
            f"{high:g} km ({PROFILE_DISTANCE_WHY}), so it is now {distance:g} km. Change it "
            "in the profile."
        )
    low, high = PROFILE_MIN_SPEED_KMH, PROFILE_MAX_SPEED_KMH
    speed = _clamped(speed_kmh, low, high, _OLD_MAX_SPEED_KMH)
    if speed != speed_kmh:
        told.append(
            f"Your top speed was {_shown(speed_kmh)} km/h; Liftrun now allows {low:g} to "
            f"{high:g} km/h ({PROFILE_SPEED_WHY}), so it is now {speed:g} km/h. Change it in "
            "the profile."
        )
    return distance, speed, told


def _clamped(value: object, low: float, high: float, old_high: float) -> Any:
    """`value` moved into low..high if an earlier version accepted it, else unchanged."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    if not 0 < value <= old_high:
        return value
    return float(min(max(value, low), high))


def _shown(value: object) -> str:
    return f"{value:g}" if isinstance(value, int | float) else "not a number"


# from-version -> step to from-version + 1; each runs inside the caller's db.atomic().
MIGRATIONS: dict[int, Callable[[SqliteDatabase], list[str]]] = {
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
}


def migrate_to_current(db: SqliteDatabase, from_version: int) -> list[str]:
    """Run every step from `from_version` up, bumping user_version; call inside db.atomic().

    Returns the sentences telling the user what a step changed in their values.
    """
    told: list[str] = []
    for version in range(from_version, SCHEMA_VERSION):
        told.extend(MIGRATIONS[version](db))
        set_user_version(db, version + 1)
    return told
