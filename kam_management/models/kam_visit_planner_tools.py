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


def to_utc_naive(value):
    return value.astimezone(utc).replace(tzinfo=None)
