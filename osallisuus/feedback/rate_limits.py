"""Fixed-window rate limits kept in the shared cache (the database), so every process agrees."""

from __future__ import annotations

import time

from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return forwarded.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")


def over_limit(request: HttpRequest, *, scope: str, limit: int, window_seconds: int = 60) -> bool:
    """Count this request; True when the address has made more than `limit` in the window."""
    window = int(time.time() // window_seconds)
    key = f"rl:{scope}:{client_address(request)}:{window}"
    cache.add(key, 0, timeout=window_seconds * 2)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window_seconds * 2)
        count = 1
    return count > limit
