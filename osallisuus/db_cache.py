"""The shared cache in the database: one statement per read or write, through public API only.

Rate limits and API throttles must agree across every app process, so they live in the
database (a per-process memory cache would let each of N workers allow the full rate). Django's
DatabaseCache spends five queries on each `set` (a COUNT for culling, a savepoint, a SELECT, an
UPDATE or INSERT, a release): a throttled intake paid six queries before doing any work, and
every request from one address queued on the same row's lock for the whole sequence.

`SharedDatabaseCache` keeps Django's table (made by `manage.py createcachetable`: columns
cache_key, value, expires) and its constructor, and overrides only the public cache methods, so
no Django internals are called or replaced and an upgrade cannot change what they do:

- `set` is one INSERT ... ON CONFLICT DO UPDATE (last writer wins); `add` one INSERT ... ON
  CONFLICT DO UPDATE ... WHERE expired, so it succeeds only when the key is absent or expired;
- `incr`/`decr` on an integer is one UPDATE ... RETURNING: concurrent increments are never lost
  and the entry keeps its expiry;
- `get`/`get_many` one SELECT that ignores expired rows; `touch` one UPDATE;
- the table is culled on about one `set` in CULL_EVERY instead of counted on every one: expired
  rows go, and when more than MAX_ENTRIES (OPTIONS, default 300) remain, the first
  1/CULL_FREQUENCY of them by key (as Django's own culling does).

Values are stored as the decimal text of an integer, or else as base64 of a pickle (which always
starts with "g": byte 0x80 of pickle protocol 2 and later). PostgreSQL and SQLite (3.35 and
later, for RETURNING) only.
"""

from __future__ import annotations

import base64
import pickle
import random
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router

# About one `set` in CULL_EVERY culls the table.
CULL_EVERY = 100
_NEVER = datetime.max.replace(tzinfo=UTC)


def _encode(value: Any) -> str:
    # Not bool (True must come back as True); within BIGINT, so `incr` can add in SQL.
    if type(value) is int and -(2**63) <= value < 2**63:
        return str(value)
    return base64.b64encode(pickle.dumps(value, pickle.HIGHEST_PROTOCOL)).decode("latin1")


def _decode(text: str) -> Any:
    if text.lstrip("-").isdigit():
        return int(text)
    return pickle.loads(base64.b64decode(text.encode()))  # noqa: S301 (our own writes only)


def _connection(cache: SharedDatabaseCache, *, write: bool) -> Any:
    route = router.db_for_write if write else router.db_for_read
    return connections[route(cache.cache_model_class)]


def _moment(connection: Any, timestamp: float | None, *, whole_seconds: bool = False) -> Any:
    """An absolute time (None: never) as the database takes it."""
    moment = _NEVER if timestamp is None else datetime.fromtimestamp(timestamp, tz=UTC)
    if whole_seconds:
        moment = moment.replace(microsecond=0)
    return connection.ops.adapt_datetimefield_value(moment)


def _names(cache: SharedDatabaseCache, connection: Any) -> tuple[str, str, str, str]:
    quote = connection.ops.quote_name
    return quote(cache.table_name), quote("cache_key"), quote("value"), quote("expires")


def _cull(cache: SharedDatabaseCache, cursor: Any, connection: Any, now: Any) -> None:
    """Drop expired rows; beyond max_entries, also the first 1/cull_frequency by key."""
    table, key_, _value, expires = _names(cache, connection)
    cursor.execute(f"DELETE FROM {table} WHERE {expires} < %s", [now])  # noqa: S608  names are quoted identifiers; values go as parameters
    cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608  names are quoted identifiers; values go as parameters
    count = cursor.fetchone()[0]
    if count <= cache.max_entries:
        return
    if cache.cull_frequency == 0:
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608  names are quoted identifiers; values go as parameters
        return
    cursor.execute(
        f"SELECT {key_} FROM {table} ORDER BY {key_} LIMIT 1 OFFSET %s",  # noqa: S608  names are quoted identifiers; values go as parameters
        [count // cache.cull_frequency],
    )
    row = cursor.fetchone()
    if row is not None:
        cursor.execute(f"DELETE FROM {table} WHERE {key_} < %s", [row[0]])  # noqa: S608  names are quoted identifiers; values go as parameters


def _write(
    cache: SharedDatabaseCache,
    key: Any,
    value: Any,
    timeout: Any,
    version: int | None,
    *,
    only_if_expired: bool,
) -> bool:
    """`set` (always writes) or `add` (writes only over an absent or expired entry)."""
    key = cache.make_and_validate_key(key, version=version)
    connection = _connection(cache, write=True)
    table, key_, value_, expires = _names(cache, connection)
    moment = _moment(connection, cache.get_backend_timeout(timeout), whole_seconds=True)
    now = _moment(connection, time.time())
    with connection.cursor() as cursor:
        if random.randrange(CULL_EVERY) == 0:  # noqa: S311 (not security: load spreading)
            _cull(cache, cursor, connection, now)
        sql = (
            f"INSERT INTO {table} ({key_}, {value_}, {expires}) VALUES (%s, %s, %s) "  # noqa: S608  names are quoted identifiers; values go as parameters
            f"ON CONFLICT ({key_}) DO UPDATE SET "
            f"{value_} = EXCLUDED.{value_}, {expires} = EXCLUDED.{expires}"
        )
        params = [key, _encode(value), moment]
        if only_if_expired:
            sql += f" WHERE {table}.{expires} < %s RETURNING {key_}"
            params.append(now)
        cursor.execute(sql, params)
        return cursor.fetchone() is not None if only_if_expired else True


class SharedDatabaseCache(DatabaseCache):
    """Django's cache table with one-statement reads, writes and counters (see module doc)."""

    def __init__(self, table: str, params: dict[str, Any]) -> None:
        super().__init__(table, params)
        options = params.get("OPTIONS", {})
        self.table_name = table
        self.max_entries = int(options.get("MAX_ENTRIES", 300))
        self.cull_frequency = int(options.get("CULL_FREQUENCY", 3))

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self.get_many([key], version=version).get(key, default)

    def get_many(self, keys: Iterable[Any], version: int | None = None) -> dict[Any, Any]:
        key_map = {self.make_and_validate_key(key, version=version): key for key in keys}
        if not key_map:
            return {}
        connection = _connection(self, write=False)
        table, key_, value, expires = _names(self, connection)
        marks = ", ".join(["%s"] * len(key_map))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {key_}, {value} FROM {table} "  # noqa: S608  names are quoted identifiers; values go as parameters
                f"WHERE {key_} IN ({marks}) AND {expires} >= %s",
                [*key_map, _moment(connection, time.time())],
            )
            return {key_map[row[0]]: _decode(row[1]) for row in cursor.fetchall()}

    def set(
        self,
        key: Any,
        value: Any,
        timeout: float | None = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> None:
        _write(self, key, value, timeout, version, only_if_expired=False)

    def add(
        self,
        key: Any,
        value: Any,
        timeout: float | None = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> bool:
        return _write(self, key, value, timeout, version, only_if_expired=True)

    def touch(
        self,
        key: Any,
        timeout: float | None = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> bool:
        key = self.make_and_validate_key(key, version=version)
        connection = _connection(self, write=True)
        table, key_, _value, expires = _names(self, connection)
        moment = _moment(connection, self.get_backend_timeout(timeout), whole_seconds=True)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {expires} = %s WHERE {key_} = %s AND {expires} >= %s",  # noqa: S608  names are quoted identifiers; values go as parameters
                [moment, key, _moment(connection, time.time())],
            )
            return bool(cursor.rowcount)

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        """Add `delta` in one statement; ValueError if the key is absent or expired."""
        made_key = self.make_and_validate_key(key, version=version)
        connection = _connection(self, write=True)
        table, key_, value, expires = _names(self, connection)
        with connection.cursor() as cursor:
            # Only integers: a pickle starts with "g", and casting it would fail.
            cursor.execute(
                f"UPDATE {table} SET {value} = CAST(CAST({value} AS BIGINT) + %s AS TEXT) "  # noqa: S608  names are quoted identifiers; values go as parameters
                f"WHERE {key_} = %s AND {expires} >= %s AND {value} NOT LIKE 'g%%' "
                f"RETURNING {value}",
                [delta, made_key, _moment(connection, time.time())],
            )
            row = cursor.fetchone()
        if row is not None:
            return int(row[0])
        # Absent (ValueError) or not an integer (Django's read, add and write, or TypeError).
        return int(super().incr(key, delta, version))

    def decr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        return self.incr(key, -delta, version)
