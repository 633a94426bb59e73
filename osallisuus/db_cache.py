"""The shared cache in the database, with a `set` that costs one query instead of five.

Rate limits and API throttles must agree across every app process, so they live in the
database (a per-process memory cache would let each of N workers allow the full rate). Django's
DatabaseCache spends five queries on each `set` (a COUNT for culling, a savepoint, a SELECT, an
UPDATE or INSERT, a release): a throttled intake paid six queries before doing any work, and
every request from one address queued on the same row's lock for the whole sequence.

Here `set` is one INSERT ... ON CONFLICT DO UPDATE (PostgreSQL and SQLite ≥ 3.24 both have it);
the table is culled on about one `set` in CULL_EVERY instead of counted on every one. `add` and
`touch` keep Django's behaviour. Concurrency is as before: the last writer wins.
"""

from __future__ import annotations

import base64
import pickle
import random
from datetime import UTC, datetime
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router
from django.utils.timezone import now as tz_now

CULL_EVERY = 100


class UpsertDatabaseCache(DatabaseCache):
    def _base_set(self, mode: str, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT) -> Any:
        if mode != "set":
            return super()._base_set(mode, key, value, timeout)  # type: ignore[misc]
        timeout = self.get_backend_timeout(timeout)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table = quote(self._table)  # type: ignore[attr-defined]
        moment = (
            datetime.max.replace(tzinfo=UTC)
            if timeout is None
            else datetime.fromtimestamp(timeout, tz=UTC)
        )
        expires = connection.ops.adapt_datetimefield_value(moment.replace(microsecond=0))
        encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        with connection.cursor() as cursor:
            if random.randrange(CULL_EVERY) == 0:  # noqa: S311 (not security: load spreading)
                cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
                count = cursor.fetchone()[0]
                if count > self._max_entries:
                    now = tz_now().replace(microsecond=0)
                    self._cull(db, cursor, now, count)  # type: ignore[attr-defined]
            cursor.execute(
                f"INSERT INTO {table} ({quote('cache_key')}, {quote('value')}, "  # noqa: S608
                f"{quote('expires')}) VALUES (%s, %s, %s) "
                f"ON CONFLICT ({quote('cache_key')}) DO UPDATE SET "
                f"{quote('value')} = EXCLUDED.{quote('value')}, "
                f"{quote('expires')} = EXCLUDED.{quote('expires')}",
                [key, encoded, expires],
            )
        return True
