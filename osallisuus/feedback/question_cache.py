"""The active question set of each unit, kept in process memory between requests.

Finding a unit's question set costs three queries (the unit's or its service's choice, the
newest active set, its questions), and every intake needs it. Here each app process keeps the
answer per (unit, service) and reuses it while a shared version token is unchanged: one cheap
read of the shared cache (the database, so every process behind the proxy sees the same token)
instead of three queries.

Any save or delete of a QuestionSet, Question or QuestionSetChoice replaces the token, right
away and again after the transaction commits. The first makes the change visible at once in
the same transaction (and, with the database cache, commits together with it); the second
covers caches outside the database, which another process may read before the change is
committed and so cache the old set under the new token. Entries are also reloaded after
MAX_AGE seconds, for writes that send no signals (QuerySet.update, raw SQL, fixtures loaded
with raw=True still send them).

The cached objects are shared between requests of a process: callers must only read them.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from osallisuus.organisation.models import Unit

from .models import Question, QuestionSet, QuestionSetChoice

VERSION_KEY = "feedback:question-sets:version"
MAX_AGE = 300.0
MAX_ENTRIES = 10_000

# (unit id, service id) → (version token, loaded at (monotonic), the set or None)
_entries: dict[tuple[int, int | None], tuple[str, float, QuestionSet | None]] = {}


def _current_version() -> str | None:
    """The shared token, created if missing (a new one each time, so when two processes
    create one at once, the loser merely reloads once more); None if the cache keeps nothing.
    """
    if isinstance(caches[DEFAULT_CACHE_ALIAS], DummyCache):
        return None
    version = cache.get(VERSION_KEY)
    if not isinstance(version, str):
        version = uuid.uuid4().hex
        cache.set(VERSION_KEY, version, timeout=None)
    return version


def cached_question_set(unit: Unit, load: Any) -> QuestionSet | None:
    """The unit's active set from this process's memory, or `load(unit)` when it may be stale."""
    version = _current_version()
    if version is None:
        return load(unit)  # type: ignore[no-any-return]
    key = (unit.pk, unit.service_id)
    entry = _entries.get(key)
    now = time.monotonic()
    if entry is not None and entry[0] == version and now - entry[1] < MAX_AGE:
        return entry[2]
    question_set = load(unit)
    if len(_entries) >= MAX_ENTRIES:
        _entries.clear()
    _entries[key] = (version, now, question_set)
    return question_set  # type: ignore[no-any-return]


def forget_question_sets() -> None:
    """Make every process load question sets afresh (this one at once)."""
    _entries.clear()
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _question_sets_changed(**kwargs: Any) -> None:
    forget_question_sets()
    transaction.on_commit(forget_question_sets, using=kwargs.get("using"))


for _model in (QuestionSet, Question, QuestionSetChoice):
    receiver(post_save, sender=_model, dispatch_uid=f"question-cache-save-{_model.__name__}")(
        _question_sets_changed
    )
    receiver(post_delete, sender=_model, dispatch_uid=f"question-cache-del-{_model.__name__}")(
        _question_sets_changed
    )
