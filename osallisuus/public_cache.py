"""Public JSON answers (the unit list, a unit, a question set, a unit's stories) kept in process
memory and checked against a version token, with ETag, Last-Modified and 304 answers; and, behind
the same token, looked-up values (`remembered`: the intake's units and question sets).

Only for answers that are the same for every caller: views without authentication whose data
is public. Each `PublicAnswers` has its own token in the shared cache (the database, so every
process behind the proxy sees it) and names the models its answers are built from; any save
or delete of one of them (that `relevant` accepts, when given) replaces the token, at once
and again after the transaction commits. The first makes the change visible at once in the same
transaction (and, with the database cache, commits together with it); the second covers caches
outside the database, which another process may read before the change is committed and so
cache the old answer under the new token. A process reads the token at most once every
TOKEN_SECONDS, so a repeated request usually asks the database nothing, and a conditional
request for an unchanged answer gets 304 without a query. Entries are also rebuilt after
MAX_AGE seconds, for writes that send no signals (QuerySet.update, raw SQL).

An entry is kept per language, host, scheme and full path: bodies hold absolute links (the
next page) and a language's words (a refusal), and the ETag names the language, so a cache
keeps the language variants apart (Vary: Accept-Language). Only 200 answers are kept.

Remembered answers and values are shared between requests of a process: callers only read them.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language

if TYPE_CHECKING:
    from rest_framework.response import Response

TOKEN_SECONDS = 1.0
MAX_AGE = 300.0
MAX_ENTRIES = 2_000
MAX_VALUES = 10_000
CACHE_CONTROL = "no-cache"  # anyone may keep it, but asks again (a 304 when unchanged)


def forget_all_in_this_process() -> None:
    """Drop every remembered answer of this process (tests: the database was rolled back)."""
    for answers in _ALL:
        answers.forget_in_this_process()


@dataclass(frozen=True)
class Entry:
    version: str
    loaded_at: float
    body: bytes
    content_type: str
    etag: str
    last_modified: int


_ALL: list[PublicAnswers] = []
T = TypeVar("T")


class PublicAnswers:
    """The answers of some public views, behind one version token."""

    def __init__(
        self,
        name: str,
        sources: tuple[type[models.Model], ...],
        relevant: dict[type[models.Model], Callable[..., bool]] | None = None,
        max_age: float = MAX_AGE,
    ) -> None:
        """`relevant` narrows a source model's changes to those it accepts, called with the
        instance and the signal's other arguments (`created`, `update_fields`): for a model
        whose rows are mostly written for other reasons, e.g. the status events of every
        intake. `max_age` bounds how old an answer may be (for data changed without signals)."""
        self.version_key = f"public-answers:{name}:version"
        self._entries: dict[tuple[str, ...], Entry] = {}
        # key → (version token, loaded at (monotonic), value)
        self._values: dict[Hashable, tuple[str, float, Any]] = {}
        self._token: tuple[str, float] | None = None
        self._relevant = dict(relevant or {})
        self.max_age = max_age
        _ALL.append(self)
        for model in sources:
            uid = f"public-answers-{name}-{model._meta.label_lower}"
            post_save.connect(self._changed, sender=model, dispatch_uid=f"{uid}-save", weak=False)
            post_delete.connect(self._changed, sender=model, dispatch_uid=f"{uid}-del", weak=False)

    def forget_in_this_process(self) -> None:
        self._entries.clear()
        self._values.clear()
        self._token = None

    # --- the version token ---

    def version(self) -> str | None:
        """The shared token, read again when older than TOKEN_SECONDS and made if missing;
        None when the cache keeps nothing. It starts with the time of the change it marks."""
        if isinstance(caches[DEFAULT_CACHE_ALIAS], DummyCache):
            return None
        now = time.monotonic()
        if self._token is not None and now - self._token[1] < TOKEN_SECONDS:
            return self._token[0]
        version = cache.get(self.version_key)
        if not isinstance(version, str):
            version = self._new_version()
        self._token = (version, now)
        return version

    def _new_version(self) -> str:
        version = f"{time.time():.3f}:{uuid.uuid4().hex}"
        cache.set(self.version_key, version, timeout=None)
        return version

    def forget(self) -> None:
        """Make every process build these answers afresh (this one at once)."""
        self.forget_in_this_process()
        self._new_version()

    def _changed(self, sender: type[models.Model], **kwargs: Any) -> None:
        relevant = self._relevant.get(sender)
        if relevant is not None:
            fields = {k: v for k, v in kwargs.items() if k in ("created", "update_fields")}
            if not relevant(kwargs.get("instance"), **fields):
                return
        self.forget()
        transaction.on_commit(self.forget, using=kwargs.get("using"))

    # --- remembered values ---

    def remembered(self, key: Hashable, load: Callable[[], T]) -> T:
        """The value under `key` from this process's memory, or `load()` when it may be stale
        (another token, older than MAX_AGE, or a cache that keeps nothing)."""
        version = self.version()
        if version is None:
            return load()
        now = time.monotonic()
        entry = self._values.get(key)
        if entry is not None and entry[0] == version and now - entry[1] < self.max_age:
            remembered: T = entry[2]  # stored by load() under this key
            return remembered
        value = load()
        if len(self._values) >= MAX_VALUES:
            self._values.clear()
        self._values[key] = (version, now, value)
        return value

    # --- answering ---

    def respond(self, request: HttpRequest, build: Callable[[], HttpResponseBase]) -> HttpResponse:
        """The remembered answer to this request, 304 when the caller has it, else `build()`
        (a rendered response) remembered when it is a 200."""
        version = self.version()
        language = get_language() or ""
        key = (language, request.get_host(), request.scheme or "", request.get_full_path())
        now = time.monotonic()
        entry = self._entries.get(key)
        if (
            version is None
            or entry is None
            or entry.version != version
            or now - entry.loaded_at >= self.max_age
        ):
            entry = None
        if entry is None:
            built = build()
            if built.status_code != HTTPStatus.OK or version is None:
                return built  # type: ignore[return-value]
            body = built.content  # type: ignore[attr-defined]
            digest = hashlib.sha256(body).hexdigest()[:32]
            entry = Entry(
                version=version,
                loaded_at=now,
                body=body,
                content_type=built["Content-Type"],
                etag=f'"{language}-{digest}"',
                last_modified=int(float(version.split(":", 1)[0])),
            )
            if len(self._entries) >= MAX_ENTRIES:
                self._entries.clear()
            self._entries[key] = entry
        return self._answer(request, entry)

    def _answer(self, request: HttpRequest, entry: Entry) -> HttpResponse:
        not_modified = get_conditional_response(
            request, etag=entry.etag, last_modified=entry.last_modified
        )
        response = (
            not_modified
            if not_modified is not None
            else HttpResponse(entry.body, content_type=entry.content_type)
        )
        response.headers["ETag"] = entry.etag
        response.headers["Last-Modified"] = http_date(entry.last_modified)
        response.headers["Cache-Control"] = CACHE_CONTROL
        patch_vary_headers(response, ("Accept-Language",))
        return response


class PublicAnswerMixin:
    """For a DRF view whose GET answer is public: serves it through `public_answers`."""

    public_answers: PublicAnswers

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        return self.public_answer(request, super().get, *args, **kwargs)  # type: ignore[misc]

    def public_answer(
        self, request: Any, handler: Callable[..., Any], *args: Any, **kwargs: Any
    ) -> HttpResponse:
        """`handler(request, …)`'s answer, remembered, or 304 when the caller has it."""

        def build() -> HttpResponseBase:
            response: Response = handler(request, *args, **kwargs)
            response = self.finalize_response(request, response, *args, **kwargs)  # type: ignore[attr-defined]
            response.render()
            return response

        return self.public_answers.respond(request, build)
