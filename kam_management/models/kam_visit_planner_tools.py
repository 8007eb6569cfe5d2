# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure helpers of the weekly visit planner (``kam.visit.planner``): no ORM, no
queries."""

import math
from datetime import timedelta

from pytz import utc


def has_coordinates(latitude, longitude):
    return bool(latitude or longitude)


def distance_km(point_a, point_b):
    """Great-circle distance between two (latitude, longitude) points."""
    lat1, lon1 = map(math.radians, point_a)
    lat2, lon2 = map(math.radians, point_b)
    hav = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(hav)))


def nearest_neighbour_route(stops):
    """Order ``stops`` (dicts with ``point``: (lat, lon) or None) as a nearest-neighbour
    route.

    The route starts at the first stop that has coordinates (the stops come most overdue
    first); stops without coordinates follow in their original order.
    """
    located = [stop for stop in stops if stop["point"]]
    others = [stop for stop in stops if not stop["point"]]
    if not located:
        return list(stops)
    route = [located.pop(0)]
    while located:
        here = route[-1]["point"]
        nearest = min(located, key=lambda stop: distance_km(here, stop["point"]))
        located.remove(nearest)
        route.append(nearest)
    return route + others


def place_in_intervals(intervals, cursor, hours):
    """First start >= ``cursor`` where ``hours`` fit in one of the day's work
    ``intervals``.

    ``intervals`` are (start, stop) aware datetimes in order. When nothing fits any more
    the contact goes right after the cursor (the daily caps are the planner's limit).
    """
    length = timedelta(hours=hours)
    for start, stop in intervals:
        begin = max(cursor, start)
        if begin + length <= stop:
            return begin
    return cursor


def first_free_slot(intervals, busy, hours):
    """Earliest start where ``hours`` fit inside one of ``intervals`` without
    overlapping a ``busy`` slot, or ``None``.

    ``intervals`` and ``busy`` are (start, stop) aware datetimes; a slot can start at
    the beginning of an interval or at the end of a busy slot.
    """
    length = timedelta(hours=hours)
    if not busy:
        # the earliest start of an interval long enough (a later start inside an
        # earlier interval never fits where that interval's own start does not)
        return min(
            (start for start, stop in intervals if start + length <= stop),
            default=None,
        )
    starts = sorted({start for start, _stop in intervals} | {stop for _s, stop in busy})
    for begin in starts:
        end = begin + length
        if not any(start <= begin and end <= stop for start, stop in intervals):
            continue
        if any(taken < end and begin < free for taken, free in busy):
            continue
        return begin
    return None


def intersect_intervals(intervals, windows):
    """The parts of ``intervals`` inside ``windows`` (both lists of (start, stop)
    aware datetimes), in order."""
    result = []
    for start, stop in intervals:
        for window_start, window_stop in windows:
            begin, end = max(start, window_start), min(stop, window_stop)
            if begin < end:
                result.append((begin, end))
    return sorted(result)


def to_utc_naive(value):
    return value.astimezone(utc).replace(tzinfo=None)
