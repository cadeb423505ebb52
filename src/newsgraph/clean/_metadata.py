"""Normalise metadata values found in containers and pages."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

import dateparser

_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_DATEPARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}


def _iso(moment: datetime, with_time: bool) -> str:
    if not with_time:
        return moment.date().isoformat()
    return moment.isoformat(timespec="seconds")


def normalise_published(value: str | None) -> str | None:
    """An ISO 8601 date (``2025-08-21``) or date-time (``2025-08-21T14:05:00+00:00``).

    Accepts ISO forms, RFC 822 (feeds, HTTP) and what dateparser reads in English. A value that
    no parser reads gives None: a wrong date is worse than none.
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    with_time = bool(_HAS_TIME.search(text))
    try:
        return _iso(datetime.fromisoformat(text.replace("Z", "+00:00")), with_time)
    except ValueError:
        pass
    try:
        return _iso(parsedate_to_datetime(text), with_time)
    except (TypeError, ValueError, IndexError):
        pass
    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return _iso(parsed, with_time) if parsed else None
