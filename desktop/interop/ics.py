"""Calendar export: one iCalendar event per session, written with `icalendar`.

The title reads like the calendar chip (`desktop.advice.texts.session_title`); the
description holds the advice's warnings, its one-line suggestion and the session's notes.
Times are local clock times in the computer's time zone, written with a TZID and the
matching VTIMEZONE; where that zone has no IANA name Liftrun can find (some Windows set-ups)
the times are written in UTC instead, which every calendar shows in its own local time.

Each event's UID is built from the session's id and a per-database calendar id, so
importing a newer export into Google Calendar or Outlook updates the events instead of
duplicating them; SEQUENCE and LAST-MODIFIED follow the session's last change.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop.advice.model import Advice, Profile, Session
from desktop.advice.texts import session_title
from desktop.advice.units import plain_numbers

if TYPE_CHECKING:
    from desktop.store import Store

AdviceSource = Mapping[int, Advice] | Callable[[Session], Advice | None]
CALENDAR_ID_KEY: Final = "calendar_export_id"
PRODUCT_ID: Final = "-//Liftrun//Liftrun calendar export//EN"
_DEFAULT_PROFILE: Final = Profile(max_distance_km=10.0, max_speed_kmh=12.0)


def _zone_from_key(key: str) -> ZoneInfo | None:
    key = key.strip().lstrip(":")
    if not key:
        return None
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def local_zone() -> ZoneInfo | None:
    """The computer's IANA time zone (TZ, /etc/localtime, /etc/timezone), or None."""
    zone = _zone_from_key(os.environ.get("TZ", ""))
    if zone is not None:
        return zone
    localtime = Path("/etc/localtime")
    try:
        target = str(localtime.resolve()) if localtime.is_symlink() else ""
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        zone = _zone_from_key(target.split("zoneinfo/", 1)[1])
        if zone is not None:
            return zone
    try:
        return _zone_from_key(Path("/etc/timezone").read_text(encoding="utf-8"))
    except OSError:
        return None


def calendar_id(store: Store) -> str:
    """This database's calendar id for event UIDs, made once and kept in its preferences."""
    existing = store.preference(CALENDAR_ID_KEY)
    if existing:
        return existing
    made = uuid.uuid4().hex[:16]
    store.set_preference(CALENDAR_ID_KEY, made)
    return made


def event_uid(session: Session, calendar: str) -> str:
    """A stable UID: the session's id and the database's calendar id."""
    suffix = f"-{calendar}" if calendar else ""
    if session.id is not None:
        return f"session-{session.id}{suffix}@liftrun"
    return f"session-{session.kind.value}-{session.start:%Y%m%dT%H%M%S}{suffix}@liftrun"


def _advice_for(session: Session, advice: AdviceSource | None) -> Advice | None:
    if advice is None:
        return None
    if callable(advice):
        return advice(session)
    return advice.get(session.id) if session.id is not None else None


# RFC 5545 TEXT allows no control character but the tab; line breaks are written as "\\n".
_FORBIDDEN_CONTROLS: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def ics_text(text: str) -> str:
    """Text iCalendar allows: every line break (CRLF, CR or LF) one "\\n", and the control
    characters RFC 5545 forbids (NUL, escape, ...) removed."""
    joined = text.replace("\r\n", "\n").replace("\r", "\n")
    return _FORBIDDEN_CONTROLS.sub("", joined)


def event_description(session: Session, advice: Advice | None) -> str:
    """Warnings first, then the one-line suggestion, then the session's notes."""
    lines: list[str] = []
    if advice is not None:
        lines += [f"Warning: {warning.message}" for warning in advice.warnings]
        if advice.suggestion is not None:
            lines.append(f"Suggestion: {advice.suggestion.text}")
    if session.notes.strip():
        lines.append(session.notes.strip())
    return ics_text("\n".join(lines))


def _aware(moment: datetime, zone: tzinfo | None) -> datetime:
    """A naive local time made aware: in a named zone as is, otherwise converted to UTC."""
    if isinstance(zone, ZoneInfo):
        return moment.replace(tzinfo=zone)
    local = moment.astimezone() if zone is None else moment.replace(tzinfo=zone)
    return local.astimezone(UTC)


def export_ics(
    sessions: Iterable[Session],
    path: str | Path,
    *,
    profile: Profile | None = None,
    advice: AdviceSource | None = None,
    calendar: str = "",
    zone: tzinfo | None = None,
) -> int:
    """Write one event per session to `path`; returns how many were written.

    `profile` gives the units of the titles (default km and kg), `advice` maps a session id
    to its Advice (or is a callable asked per session), `calendar` is the database's
    calendar id (see `calendar_id`), `zone` the local time zone (default: the computer's).
    """
    from icalendar import Calendar, Event

    profile = profile or _DEFAULT_PROFILE
    zone = zone if zone is not None else local_zone()
    now = datetime.now(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Liftrun")
    count = 0
    for session in sessions:
        with plain_numbers():  # a calendar file: a decimal point in every region
            title = session_title(session, profile)
            description = event_description(session, _advice_for(session, advice))
        event = Event()
        event.add("uid", event_uid(session, calendar))
        event.add("dtstamp", now)
        event.add("dtstart", _aware(session.start, zone))
        event.add("dtend", _aware(session.end, zone))
        event.add("summary", ics_text(title))
        if description:
            event.add("description", description)
        event.add("categories", ["Deadlift" if session.kind.value == "deadlift" else "Run"])
        if session.updated is not None:
            changed = session.updated.astimezone(UTC).replace(microsecond=0)
            event.add("last-modified", changed)
            event.add("sequence", int(changed.timestamp()) // 60)
        cal.add_component(event)
        count += 1
    if isinstance(zone, ZoneInfo):
        cal.add_missing_timezones()
    Path(path).write_bytes(cal.to_ical())
    return count
