"""How every view, API endpoint and service asks a permission, and what a refusal looks like.

The rules themselves are named predicates (django-rules) in each app's `permissions.py`; this
module is the one way of asking them. A refusal is a 404 for a signed-in user (nothing about a
page or an object outside one's role or scope is revealed) and a sign-in redirect for anyone
signed out. Services that change state ask too, with the acting user: a management command or
a task passes `SYSTEM`, a named actor that holds every permission.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

if TYPE_CHECKING:
    from osallisuus.accounts.types import Actor, MaybeUser, User


class NotPermitted(Http404):
    """The user's role or scope does not allow this; shown as 'not found' everywhere."""


class SystemActor:
    """The platform itself acting (a scheduled task, a management command), never a person."""

    is_authenticated = True
    is_active = True
    pk = None
    username = "system"

    def has_perm(self, perm: str, obj: Any = None) -> bool:
        return True

    def __str__(self) -> str:
        return self.username


SYSTEM = SystemActor()


def person(actor: Actor) -> User | None:
    """The user to record as having acted: None when the platform itself acted."""
    return None if isinstance(actor, SystemActor) else actor


def signed_in(user: MaybeUser) -> User:
    """The user of a request only a signed-in person reaches (an API behind `IsAuthenticated`);
    anyone else is refused as everywhere else, although the check in front already did."""
    if not user.is_authenticated:
        raise NotPermitted
    return user


def require(user: MaybeUser | SystemActor, perm: str, obj: Any = None) -> None:
    """Raise `NotPermitted` unless the user holds `perm` (for `obj`, when given)."""
    if not user.has_perm(perm, obj):
        raise NotPermitted


def permission_required(perm: str) -> Callable[[Callable[..., HttpResponse]], Any]:
    """A view decorator: signed out → the sign-in page; without `perm` → 404."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            require(request.user, perm)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def api_permission(perm: str) -> type[BasePermission]:
    """A DRF permission class for `perm`: 401/403 signed out (DRF's rule), 404 without it."""

    class HasPermission(BasePermission):
        def has_permission(self, request: Request, view: Any) -> bool:
            if not (request.user and request.user.is_authenticated):
                return False
            require(request.user, perm)
            return True

    HasPermission.__name__ = f"HasPermission[{perm}]"
    return HasPermission
