"""Rate limits kept in the shared cache (the database), so every process agrees.

Each limit is a counter per client and time window. On the database cache a hit is one
statement: an INSERT ... ON CONFLICT DO UPDATE that adds one to the window's counter and returns
it together with the previous window's count (PostgreSQL and SQLite both have upsert and
RETURNING). The row is locked only for that statement, so requests from one address (kiosks
behind one NAT, a proxy) no longer queue behind each other's read-modify-write, and the count
is exact: concurrent requests cannot overwrite each other's hits as DRF's cached list of
timestamps could. Other cache backends use the cache's own atomic add/incr.

The counters live in the cache table under keys of their own ("rate:…", never produced by the
cache's make_key), hashed so that nothing a client sends (a long X-Forwarded-For) can make an
over-long or odd key. They expire with the cache's other rows.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import random
import time
from datetime import UTC, datetime
from typing import Any

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.base import BaseCache
from django.db import connections, router
from django.http import HttpRequest
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle

from osallisuus.db_cache import SharedDatabaseCache
from osallisuus.security import client_address

# About one hit in PURGE_EVERY also deletes the expired rows of the cache table.
PURGE_EVERY = 500


def _counter_key(key: str, window_index: int) -> str:
    digest = hashlib.sha256(key.encode()).hexdigest()[:40]
    return f"rate:{digest}:{window_index}"


def _database_counter(cache: BaseCache) -> tuple[Any, str] | None:
    """(connection, quoted table) when the cache is a table we can count in with one upsert."""
    if not isinstance(cache, SharedDatabaseCache):
        return None
    connection = connections[router.db_for_write(cache.cache_model_class)]
    if connection.vendor not in ("postgresql", "sqlite"):
        return None
    return connection, connection.ops.quote_name(cache.table_name)


def count_hit(key: str, window_seconds: int, now: float | None = None) -> tuple[int, int, float]:
    """Count one hit for `key`; return (hits in this window, hits in the last one, window start).

    The current count includes this hit.
    """
    now = time.time() if now is None else now
    index = int(now // window_seconds)
    current_key, previous_key = _counter_key(key, index), _counter_key(key, index - 1)
    # Kept for two windows: the next window reads this one as its previous.
    expires_at = (index + 2) * window_seconds
    cache = caches[DEFAULT_CACHE_ALIAS]
    database = _database_counter(cache)
    if database is not None:
        connection, table = database
        expires = connection.ops.adapt_datetimefield_value(
            datetime.fromtimestamp(expires_at, tz=UTC)
        )
        value, key_, expires_ = (
            connection.ops.quote_name(n) for n in ("value", "cache_key", "expires")
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} ({key_}, {value}, {expires_}) VALUES (%s, '1', %s) "  # noqa: S608  names are quoted identifiers; values go as parameters
                f"ON CONFLICT ({key_}) DO UPDATE SET "
                f"{value} = CAST(CAST({table}.{value} AS INTEGER) + 1 AS TEXT) "
                f"RETURNING {value}, "
                f"(SELECT previous.{value} FROM {table} previous WHERE previous.{key_} = %s)",
                [current_key, expires, previous_key],
            )
            current, previous = cursor.fetchone()
            if random.randrange(PURGE_EVERY) == 0:  # noqa: S311 (not security: load spreading)
                # The cache culls only when it is written through `set`; counters are not.
                cursor.execute(
                    f"DELETE FROM {table} WHERE {expires_} < %s",  # noqa: S608  names are quoted identifiers; values go as parameters
                    [connection.ops.adapt_datetimefield_value(datetime.fromtimestamp(now, tz=UTC))],
                )
        return int(current), int(previous or 0), index * window_seconds
    timeout = max(1, math.ceil(expires_at - now))
    cache.add(current_key, 0, timeout=timeout)
    try:
        count = cache.incr(current_key)
    except ValueError:  # gone between add and incr, or a cache that keeps nothing
        cache.set(current_key, 1, timeout=timeout)
        count = 1
    return int(count), int(cache.get(previous_key) or 0), index * window_seconds


def uncount_hit(key: str, window_seconds: int, window_start: float) -> None:
    """Take back a hit counted by count_hit (a refused request does not use up the budget)."""
    counter = _counter_key(key, int(window_start // window_seconds))
    cache = caches[DEFAULT_CACHE_ALIAS]
    database = _database_counter(cache)
    if database is not None:
        connection, table = database
        value, key_ = (connection.ops.quote_name(n) for n in ("value", "cache_key"))
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {value} = CAST(CAST({value} AS INTEGER) - 1 AS TEXT) "  # noqa: S608  names are quoted identifiers; values go as parameters
                f"WHERE {key_} = %s",
                [counter],
            )
        return
    with contextlib.suppress(ValueError):
        cache.decr(counter)


def over_limit(request: HttpRequest, *, scope: str, limit: int, window_seconds: int = 60) -> bool:
    """Count this request; True when the address has made more than `limit` in the window."""
    count, _previous, _start = count_hit(
        f"{scope}:{client_address(request)}", window_seconds=window_seconds
    )
    return count > limit


class SharedCounterThrottle(AnonRateThrottle):
    """DRF's anonymous rate throttle on an exact shared counter: one query per request.

    A sliding window estimated from two fixed windows (the previous window's count weighted by
    how much of it still lies within the last `duration`, plus this window's count), so a
    burst across a window boundary cannot get twice the rate. Refused requests are taken back
    and do not use up the budget, as with DRF's own throttle.
    """

    def get_ident(self, request: Request) -> str:
        return client_address(request)

    num_requests: int
    duration: int
    _wait: float | None = None

    def allow_request(self, request: Request, view: Any) -> bool:
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        now = self.timer()
        current, previous, start = count_hit(key, self.duration, now)
        weight = max(0.0, 1.0 - (now - start) / self.duration)
        if previous * weight + current <= self.num_requests:
            return True
        uncount_hit(key, self.duration, start)
        self._wait = self._seconds_until_allowed(now, start, current, previous)
        return False

    def _seconds_until_allowed(
        self, now: float, start: float, current: int, previous: int
    ) -> float:
        """When one more request would fit, had nothing else come in the meantime."""
        limit, duration = self.num_requests, self.duration
        window_end = start + duration
        if current > limit:
            # Not in this window; in the next, this window's count (less the refused hit)
            # weighs as "previous" and fades.
            earlier = current - 1
            fraction = 1.0 - (limit - 1) / earlier if earlier > 0 and limit > 0 else 0.0
            at = window_end + duration * max(0.0, fraction)
        else:
            fraction = 1.0 - (limit - current) / previous if previous else 0.0
            at = start + duration * max(0.0, fraction)
        return min(float(duration), max(1.0, at - now))

    def wait(self) -> float | None:
        return self._wait
