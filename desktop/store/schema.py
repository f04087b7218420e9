"""Tables, the schema version in PRAGMA user_version, and migrations between versions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from peewee import (
    SQL,
    BooleanField,
    Check,
    Field,
    FloatField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)
from playhouse.sqlite_ext import AutoIncrementField

# Version 1: sessions, profile, preferences, day logs with water only; no
# created/updated times and no change counter. Version 2 (current) adds
# session.created/updated, daylog.bcaa/note and the meta table.
SCHEMA_VERSION = 2
TABLES = ("session", "profile", "preference", "daylog", "meta")
CHANGES_KEY = "changes"


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


@dataclass(frozen=True)
class Models:
    """The Peewee model classes bound to one store's database."""

    session: Any
    profile: Any
    preference: Any
    daylog: Any
    meta: Any

    def all(self) -> list[Any]:
        """Every model, in creation order."""
        return [self.session, self.profile, self.preference, self.daylog, self.meta]


def build_models(db: SqliteDatabase) -> Models:
    """Define the current tables bound to `db` (one set per store, no global binding)."""

    class Base(Model):
        """Binds every table to this store's database."""

        class Meta:
            database = db
            legacy_table_names = False

    class SessionRow(Base):
        """One session (run or deadlift), as the engine's Session."""

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

        class Meta:
            table_name = "session"

    class ProfileRow(Base):
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

    class PreferenceRow(Base):
        """An app preference: key and text value."""

        key = TextField(primary_key=True)
        value = TextField()

        class Meta:
            table_name = "preference"

    class DayLogRow(Base):
        """One day's log: water, BCAAs, note."""

        day = IsoDateField(primary_key=True)
        water_oz = FloatField(null=True)
        bcaa = BooleanField(default=False, constraints=[SQL("DEFAULT 0")])
        note = TextField(default="", constraints=[SQL("DEFAULT ''")])

        class Meta:
            table_name = "daylog"

    class MetaRow(Base):
        """Store bookkeeping, e.g. the change counter backups compare."""

        key = TextField(primary_key=True)
        value = IntegerField()

        class Meta:
            table_name = "meta"

    return Models(SessionRow, ProfileRow, PreferenceRow, DayLogRow, MetaRow)


def create_schema(db: SqliteDatabase, models: Models) -> None:
    """Create the current schema in an empty database; call inside db.atomic()."""
    db.create_tables(models.all(), safe=False)
    models.meta.insert(key=CHANGES_KEY, value=0).execute()
    set_user_version(db, SCHEMA_VERSION)


def set_user_version(db: SqliteDatabase, version: int) -> None:
    """Write PRAGMA user_version (transactional, so it commits with the migration)."""
    db.execute_sql(f"PRAGMA user_version = {int(version)}")


def user_version(db: SqliteDatabase) -> int:
    """Read PRAGMA user_version."""
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def _migrate_1_to_2(db: SqliteDatabase, models: Models) -> None:
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
    db.create_tables([models.meta], safe=False)
    models.meta.insert(key=CHANGES_KEY, value=1).execute()


# from-version -> step to from-version + 1; each runs inside the caller's db.atomic().
MIGRATIONS: dict[int, Callable[[SqliteDatabase, Models], None]] = {1: _migrate_1_to_2}


def migrate_to_current(db: SqliteDatabase, models: Models, from_version: int) -> None:
    """Run every step from `from_version` up, bumping user_version; call inside db.atomic()."""
    for version in range(from_version, SCHEMA_VERSION):
        MIGRATIONS[version](db, models)
        set_user_version(db, version + 1)
