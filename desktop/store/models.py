"""The tables as Peewee models, bound through one DatabaseProxy, and the Session <-> row mapping."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from peewee import (
    SQL,
    AutoField,
    BooleanField,
    Check,
    CompositeKey,
    DatabaseProxy,
    Field,
    FloatField,
    IntegerField,
    Model,
    NodeList,
    TextField,
)

from desktop.advice.model import DayLog, Kind, Session

# Peewee logs every query with its parameters at DEBUG, note text included; a training log
# with health notes must never end up in liftrun.log, whatever LIFTRUN_LOG_LEVEL says.
logging.getLogger("peewee").setLevel(logging.INFO)

# Each Store binds the models to its own database for the length of one read or write
# (Database.bind_ctx); at rest they point at this proxy, which is never initialised.
database_proxy = DatabaseProxy()


class IsoDateTimeField(Field):
    """A naive datetime stored as sortable ISO text 'YYYY-MM-DD HH:MM:SS[.ffffff]'."""

    field_type = "TEXT"

    def db_value(self, value: datetime | None) -> str | None:
        """Format for SQLite."""
        return None if value is None else value.isoformat(sep=" ")

    def python_value(self, value: str | None) -> datetime | None:
        """Parse from SQLite."""
        return None if value is None else datetime.fromisoformat(value)


class IsoDateField(Field):
    """A date stored as ISO text 'YYYY-MM-DD'."""

    field_type = "TEXT"

    def db_value(self, value: date | None) -> str | None:
        """Format for SQLite."""
        return None if value is None else value.isoformat()

    def python_value(self, value: str | None) -> date | None:
        """Parse from SQLite."""
        return None if value is None else date.fromisoformat(value)


class AutoIncrementField(AutoField):
    """INTEGER PRIMARY KEY AUTOINCREMENT: SQLite never reuses a deleted row's id.

    Undo puts a session back under its old id, which must not have been handed to another
    session meanwhile. The same column definition as playhouse.sqlite_ext's field, without
    importing that module at start-up.
    """

    def ddl(self, ctx: Any) -> NodeList:
        """The column definition with AUTOINCREMENT appended."""
        return NodeList((super().ddl(ctx), SQL("AUTOINCREMENT")))


class BaseRow(Model):
    """Every table: bound through the proxy, snake_case table names."""

    class Meta:
        database = database_proxy
        legacy_table_names = False


class SessionRow(BaseRow):
    """One session (run or deadlift): the plan, and what really happened once done."""

    id = AutoIncrementField()
    kind = TextField(constraints=[Check("kind IN ('deadlift', 'run')")])
    start = IsoDateTimeField(index=True)
    duration_min = IntegerField(constraints=[Check("duration_min BETWEEN 1 AND 1440")])
    workout = TextField(null=True)
    distance_km = FloatField(null=True)
    speed_kmh = FloatField(null=True)
    spotter = BooleanField(null=True)
    pain = BooleanField(default=False)
    done = BooleanField(default=False)
    notes = TextField(default="")
    sets = IntegerField(null=True)
    reps = IntegerField(null=True)
    load_kg = FloatField(null=True)
    created = IsoDateTimeField(null=True)
    updated = IsoDateTimeField(null=True)
    actual_distance_km = FloatField(null=True)
    actual_duration_min = IntegerField(null=True)
    rpe = IntegerField(null=True)
    actual_sets = IntegerField(null=True)
    actual_reps = IntegerField(null=True)
    actual_load_kg = FloatField(null=True)

    class Meta:
        table_name = "session"


class ProfileRow(BaseRow):
    """The one profile row (id 1)."""

    id = IntegerField(primary_key=True, constraints=[Check("id = 1")])
    max_distance_km = FloatField()
    max_speed_kmh = FloatField()
    immediate_window_min = IntegerField()
    water_target_oz = FloatField()
    distance_unit = TextField()
    volume_unit = TextField()
    weight_unit = TextField()

    class Meta:
        table_name = "profile"


class PreferenceRow(BaseRow):
    """An app preference: key and text value."""

    key = TextField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "preference"


class DayLogRow(BaseRow):
    """One day's log: water, BCAAs, note, soreness."""

    day = IsoDateField(primary_key=True)
    water_oz = FloatField(null=True)
    bcaa = BooleanField(default=False, constraints=[SQL("DEFAULT 0")])
    note = TextField(default="", constraints=[SQL("DEFAULT ''")])
    soreness = IntegerField(null=True)

    class Meta:
        table_name = "daylog"


class MetaRow(BaseRow):
    """Store bookkeeping, e.g. the change counter backups compare."""

    key = TextField(primary_key=True)
    value = IntegerField()

    class Meta:
        table_name = "meta"


class TemplateRow(BaseRow):
    """One session of a named week template, placed by minutes after its week's Monday."""

    name = TextField()
    position = IntegerField()
    offset_min = IntegerField(constraints=[Check("offset_min BETWEEN 0 AND 10079")])
    kind = TextField(constraints=[Check("kind IN ('deadlift', 'run')")])
    duration_min = IntegerField()
    workout = TextField(null=True)
    distance_km = FloatField(null=True)
    speed_kmh = FloatField(null=True)
    spotter = BooleanField(null=True)
    notes = TextField(default="")
    sets = IntegerField(null=True)
    reps = IntegerField(null=True)
    load_kg = FloatField(null=True)

    class Meta:
        table_name = "template"
        primary_key = CompositeKey("name", "position")


MODELS: tuple[type[BaseRow], ...] = (
    SessionRow,
    ProfileRow,
    PreferenceRow,
    DayLogRow,
    MetaRow,
    TemplateRow,
)

# The one list of a session's columns, in the order reads select them.
SESSION_COLUMNS: tuple[str, ...] = tuple(SessionRow._meta.sorted_field_names)
# Columns a template keeps: the plan without its day, done state, pain or stamps.
TEMPLATE_FIELDS = (
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
)
PROFILE_COLUMNS = (
    "max_distance_km",
    "max_speed_kmh",
    "immediate_window_min",
    "water_target_oz",
    "distance_unit",
    "volume_unit",
    "weight_unit",
)
DAY_LOG_COLUMNS = ("day", "water_oz", "bcaa", "note", "soreness")
_BOOLEANS = {"pain", "done"}


def session_values(session: Session) -> dict[str, Any]:
    """A session's column values (without id and the created/updated stamps)."""
    values: dict[str, Any] = {}
    for name in SESSION_COLUMNS:
        if name in ("id", "created", "updated"):
            continue
        value = getattr(session, name)
        values[name] = value.value if name in ("kind", "workout") and value is not None else value
    return values


def session_from_row(row: tuple[Any, ...]) -> Session:
    """Build the engine's Session from a raw row in SESSION_COLUMNS order.

    Raises ValueError or TypeError (from the engine's validation) for values it refuses.
    """
    values = dict(zip(SESSION_COLUMNS, row, strict=True))
    values["start"] = datetime.fromisoformat(values["start"])
    for stamp in ("created", "updated"):
        if values[stamp] is not None:
            values[stamp] = datetime.fromisoformat(values[stamp])
    for flag in _BOOLEANS:
        values[flag] = bool(values[flag])
    if values["spotter"] is not None:
        values["spotter"] = bool(values["spotter"])
    values["kind"] = Kind(values["kind"])
    return Session(**values)


def day_log_from_row(row: tuple[Any, ...]) -> DayLog:
    """Build a DayLog from a raw row in DAY_LOG_COLUMNS order."""
    day, water_oz, bcaa, note, soreness = row
    return DayLog(
        day=date.fromisoformat(day),
        water_oz=water_oz,
        bcaa=bool(bcaa),
        note=note,
        soreness=soreness,
    )
