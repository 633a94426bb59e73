"""The shared database cache: what rate limits and the intake cache rely on."""

import pytest
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from osallisuus import db_cache
from osallisuus.db_cache import SharedDatabaseCache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_culling(monkeypatch):
    """Culling happens at random on one `set` in CULL_EVERY; here never, unless a test asks."""
    monkeypatch.setattr(db_cache, "CULL_EVERY", 10**15)


def statements(action):
    with CaptureQueriesContext(connection) as captured:
        result = action()
    return result, [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]


def rows_in_table():
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM osallisuus_cache")
        return {row[0] for row in cursor.fetchall()}


def test_the_backend_replaces_no_private_part_of_djangos_cache():
    # An upgrade may change Django's private methods (`_base_set`, `_cull`): we define none.
    own = [name for name in vars(SharedDatabaseCache) if name.startswith("_")]
    assert [name for name in own if not name.startswith("__")] == []


def test_the_rate_limits_see_a_database_cache_they_can_count_in():
    shared = caches[DEFAULT_CACHE_ALIAS]
    assert isinstance(shared, DatabaseCache) and isinstance(shared, SharedDatabaseCache)
    assert shared.table_name == "osallisuus_cache"


def test_a_set_is_one_statement_and_the_last_writer_wins():
    _, sql = statements(lambda: cache.set("k", {"list": [1, 2]}, 60))
    cache.set("k", "second", 60)
    assert len(sql) == 1, sql
    assert cache.get("k") == "second"


def test_a_read_is_one_statement_and_values_come_back_as_written():
    values = {"int": 7, "negative": -3, "true": True, "text": "12", "dict": {"a": [1]}}
    for key, value in values.items():
        cache.set(key, value, None)
    got, sql = statements(lambda: cache.get_many(list(values)))
    assert got == values and type(got["true"]) is bool and type(got["text"]) is str
    assert len(sql) == 1, sql
    assert cache.get("missing", "default") == "default"


def test_add_keeps_a_live_value_and_replaces_an_expired_one():
    assert cache.add("k", 1, 60) is True
    assert cache.add("k", 2, 60) is False
    assert cache.get("k") == 1
    cache.set("old", "x", -1)
    assert cache.add("old", "new", 60) is True
    assert cache.get("old") == "new"


def test_an_expired_entry_is_neither_read_nor_touched_nor_counted():
    cache.set("short", 5, -1)
    assert cache.get("short") is None
    assert cache.has_key("short") is False
    assert cache.touch("short", 60) is False
    with pytest.raises(ValueError):
        cache.incr("short")


def test_touch_gives_a_live_entry_a_new_expiry():
    cache.set("k", "x", 60)
    assert cache.touch("k", -1) is True
    assert cache.get("k") is None


def test_incr_is_one_statement_keeps_the_expiry_and_refuses_a_missing_key():
    cache.set("n", 0, 60)
    value, sql = statements(lambda: cache.incr("n", 5))
    assert value == 5 and len(sql) == 1, sql
    assert cache.decr("n") == 4
    assert cache.get("n") == 4
    with pytest.raises(ValueError):
        cache.incr("absent")


def test_incr_of_a_number_that_is_not_an_integer_adds_as_python_would():
    cache.set("f", 1.5, 60)
    assert cache.incr("f") == 2  # int() of 2.5, as the annotation promises
    with pytest.raises(TypeError):
        cache.set("s", "text", 60)
        cache.incr("s")


def test_incr_never_loses_an_increment_between_read_and_write():
    cache.set("n", 0, 60)
    # Another process increments between our statements: an UPDATE adding in SQL keeps both.
    cache.incr("n")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE osallisuus_cache SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT) "
            "WHERE cache_key = %s",
            [cache.make_key("n")],
        )
    assert cache.incr("n") == 3


def test_culling_drops_expired_rows_and_keeps_the_table_near_its_maximum(monkeypatch):
    small = SharedDatabaseCache(
        "osallisuus_cache", {"OPTIONS": {"MAX_ENTRIES": 3, "CULL_FREQUENCY": 2}}
    )
    small.set("expired", "x", -1)
    monkeypatch.setattr(db_cache, "CULL_EVERY", 1)
    for n in range(20):
        small.set(f"k{n:02}", n, 600)
        assert len(rows_in_table()) <= 4
    assert small.get("k19") == 19
    assert not [key for key in rows_in_table() if key.endswith(":expired")]


def test_a_zero_cull_frequency_empties_a_full_table(monkeypatch):
    small = SharedDatabaseCache(
        "osallisuus_cache", {"OPTIONS": {"MAX_ENTRIES": 2, "CULL_FREQUENCY": 0}}
    )
    for n in range(3):
        small.set(f"k{n}", n, 600)
    monkeypatch.setattr(db_cache, "CULL_EVERY", 1)
    small.set("last", 1, 600)
    assert small.get_many(["k0", "k1", "k2", "last"]) == {"last": 1}
