"""What every intake looks up, kept in process memory between requests: units by code and
each unit's active question set.

Finding a unit and its question set costs four queries (the unit, the unit's or its service's
choice, the newest active set, its questions), and every intake needs them. Here each app
process keeps the answers and reuses them while a shared version token is unchanged. The token
lives in the shared cache (the database, so every process behind the proxy sees the same one);
a process reads it at most once every TOKEN_SECONDS, so an intake usually asks the database
nothing for these.

Any save or delete of a Unit, Service, QuestionSet, Question or QuestionSetChoice clears this
process's memory and replaces the token, right away and again after the transaction commits.
The first makes the change visible at once in the same transaction (and, with the database
cache, commits together with it); the second covers caches outside the database, which another
process may read before the change is committed and so cache the old answer under the new
token. Other processes see a change within TOKEN_SECONDS. Entries are also reloaded after
MAX_AGE seconds, for writes that send no signals (QuerySet.update, raw SQL).

The cached objects are shared between requests of a process: callers must only read them.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from osallisuus.organisation.models import Service, Unit
from osallisuus.public_cache import PublicAnswers

from ..models import Question, QuestionSet, QuestionSetChoice

VERSION_KEY = "feedback:question-sets:version"
TOKEN_SECONDS = 1.0
MAX_AGE = 300.0
MAX_ENTRIES = 10_000

T = TypeVar("T")

# The question-set API's answers, with ETags, from the same models (osallisuus/public_cache.py).
QUESTION_SET_ANSWERS = PublicAnswers(
    "question-sets", (Unit, Service, QuestionSet, Question, QuestionSetChoice)
)

# key → (version token, loaded at (monotonic), value)
_entries: dict[Hashable, tuple[str, float, Any]] = {}
# The token as last read: (token, read at (monotonic)).
_token: list[tuple[str, float]] = []


def _current_version(now: float) -> str | None:
    """The shared token, read again when older than TOKEN_SECONDS and created if missing (a
    new one each time, so when two processes create one at once, the loser merely reloads once
    more); None if the cache keeps nothing."""
    if isinstance(caches[DEFAULT_CACHE_ALIAS], DummyCache):
        return None
    if _token and now - _token[0][1] < TOKEN_SECONDS:
        return _token[0][0]
    version = cache.get(VERSION_KEY)
    if not isinstance(version, str):
        version = uuid.uuid4().hex
        cache.set(VERSION_KEY, version, timeout=None)
    _token[:] = [(version, now)]
    return version


def remembered(key: Hashable, load: Callable[[], T]) -> T:
    """The value under `key` from this process's memory, or `load()` when it may be stale."""
    now = time.monotonic()
    version = _current_version(now)
    if version is None:
        return load()
    entry = _entries.get(key)
    if entry is not None and entry[0] == version and now - entry[1] < MAX_AGE:
        return entry[2]
    value = load()
    if len(_entries) >= MAX_ENTRIES:
        _entries.clear()
    _entries[key] = (version, now, value)
    return value


def active_unit(code: str) -> Unit | None:
    """The active unit with this code (already upper-case and stripped), or None."""
    return remembered(("unit", code), lambda: Unit.objects.filter(code=code, active=True).first())


def cached_question_set(
    unit: Unit, load: Callable[[Unit], QuestionSet | None]
) -> QuestionSet | None:
    """The unit's active set from this process's memory, or `load(unit)` when it may be stale."""
    return remembered(("question-set", unit.pk, unit.service_id), lambda: load(unit))


def forget_in_this_process() -> None:
    _entries.clear()
    _token.clear()


def forget_intake_lookups() -> None:
    """Make every process look units and question sets up afresh (this one at once)."""
    forget_in_this_process()
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _lookups_changed(**kwargs: Any) -> None:
    forget_intake_lookups()
    transaction.on_commit(forget_intake_lookups, using=kwargs.get("using"))


for _model in (Unit, Service, QuestionSet, Question, QuestionSetChoice):
    receiver(post_save, sender=_model, dispatch_uid=f"intake-cache-save-{_model.__name__}")(
        _lookups_changed
    )
    receiver(post_delete, sender=_model, dispatch_uid=f"intake-cache-del-{_model.__name__}")(
        _lookups_changed
    )
