"""Shared helpers for the store tests: file snapshots and old-version database files.

Sessions come from tests.builders, the suite's one set of builders.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

V1_SCHEMA = """
CREATE TABLE "session" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL CHECK (kind IN ('deadlift', 'run')),
    "start" TEXT NOT NULL,
    "duration_min" INTEGER NOT NULL CHECK (duration_min BETWEEN 1 AND 1440),
    "workout" TEXT, "distance_km" REAL, "speed_kmh" REAL, "spotter" INTEGER,
    "pain" INTEGER NOT NULL, "done" INTEGER NOT NULL, "notes" TEXT NOT NULL,
    "sets" INTEGER, "reps" INTEGER, "load_kg" REAL);
CREATE INDEX "session_start" ON "session" ("start");
CREATE TABLE "profile" (
    "id" INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    "max_distance_km" REAL NOT NULL, "max_speed_kmh" REAL NOT NULL,
    "immediate_window_min" INTEGER NOT NULL, "water_target_oz" REAL NOT NULL,
    "distance_unit" TEXT NOT NULL, "volume_unit" TEXT NOT NULL, "weight_unit" TEXT NOT NULL);
CREATE TABLE "preference" ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL);
CREATE TABLE "daylog" ("day" TEXT NOT NULL PRIMARY KEY, "water_oz" REAL);
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (relative name -> bytes): compare before and after."""
    return {
        str(entry.relative_to(folder)): entry.read_bytes()
        for entry in sorted(folder.rglob("*"))
        if entry.is_file()
    }


def build_v1(path: Path) -> None:
    """Write a version-1 Liftrun database with plain sqlite3, as an old Liftrun left it."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(V1_SCHEMA)
        conn.executemany(
            "INSERT INTO session (kind, start, duration_min, workout, distance_km, speed_kmh,"
            " spotter, pain, done, notes, sets, reps, load_kg)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    "deadlift",
                    "2023-03-01 06:30:00",
                    45,
                    None,
                    None,
                    None,
                    1,
                    0,
                    1,
                    "heavy",
                    5,
                    3,
                    150.0,
                ),
                (
                    "run",
                    "2023-03-01 07:30:00",
                    30,
                    "easy",
                    5.0,
                    11.5,
                    None,
                    0,
                    1,
                    "",
                    None,
                    None,
                    None,
                ),
                (
                    "run",
                    "2023-03-03 18:00:00",
                    60,
                    "long",
                    12.5,
                    10.0,
                    None,
                    1,
                    0,
                    "knee",
                    None,
                    None,
                    None,
                ),
            ],
        )
        conn.execute("INSERT INTO profile VALUES (1, 10.0, 13.0, 60, 80.0, 'mi', 'oz', 'lb')")
        conn.execute("INSERT INTO preference VALUES ('theme', 'dark')")
        conn.execute("INSERT INTO daylog VALUES ('2023-03-01', 48.0)")
        conn.execute("PRAGMA user_version = 1")
        conn.commit()
    finally:
        conn.close()


V1_DAY = date(2023, 3, 1)


V2_SCHEMA = """
CREATE TABLE "daylog" ("day" TEXT NOT NULL PRIMARY KEY, "water_oz" REAL,
    "bcaa" INTEGER NOT NULL DEFAULT 0, "note" TEXT NOT NULL DEFAULT '');
CREATE TABLE "meta" ("key" TEXT NOT NULL PRIMARY KEY, "value" INTEGER NOT NULL);
CREATE TABLE "preference" ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL);
CREATE TABLE "profile" ("id" INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    "max_distance_km" REAL NOT NULL, "max_speed_kmh" REAL NOT NULL,
    "immediate_window_min" INTEGER NOT NULL, "water_target_oz" REAL NOT NULL,
    "distance_unit" TEXT NOT NULL, "volume_unit" TEXT NOT NULL, "weight_unit" TEXT NOT NULL);
CREATE TABLE "session" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL CHECK (kind IN ('deadlift', 'run')), "start" TEXT NOT NULL,
    "duration_min" INTEGER NOT NULL CHECK (duration_min BETWEEN 1 AND 1440),
    "workout" TEXT, "distance_km" REAL, "speed_kmh" REAL, "spotter" INTEGER,
    "pain" INTEGER NOT NULL, "done" INTEGER NOT NULL, "notes" TEXT NOT NULL,
    "sets" INTEGER, "reps" INTEGER, "load_kg" REAL, "created" TEXT, "updated" TEXT);
CREATE INDEX "session_start" ON "session" ("start");
"""


def build_v2(path: Path, window_min: int = 60, water_oz: float = 80.0) -> None:
    """Write a version-2 Liftrun database as the previous Liftrun left it, with data."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(V2_SCHEMA)
        conn.executemany(
            "INSERT INTO session (kind, start, duration_min, workout, distance_km, speed_kmh,"
            " spotter, pain, done, notes, sets, reps, load_kg, created, updated)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                ("deadlift", "2024-03-04 06:30:00", 45, None, None, None, 1, 0, 1, "heavy",
                 5, 3, 150.0, "2024-03-01 10:00:00", "2024-03-04 08:00:00"),
                ("run", "2024-03-04 07:30:00", 30, "intervals", 5.0, 12.5, None, 0, 1, "",
                 None, None, None, "2024-03-01 10:00:00", "2024-03-04 08:00:00"),
            ],
        )  # fmt: skip
        conn.execute(
            "INSERT INTO profile VALUES (1, 10.0, 13.0, ?, ?, 'km', 'ml', 'kg')",
            (window_min, water_oz),
        )
        conn.execute("INSERT INTO preference VALUES ('theme', 'dark')")
        conn.execute("INSERT INTO daylog VALUES ('2024-03-04', 48.0, 1, 'tired')")
        conn.execute("INSERT INTO meta VALUES ('changes', 12345)")
        conn.execute("PRAGMA user_version = 2")
        conn.commit()
    finally:
        conn.close()
