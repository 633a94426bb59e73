"""The types a signature uses for "who is asking" (import them under `TYPE_CHECKING`).

- `User`: a signed-in person (the project's user model).
- `MaybeUser`: what `request.user` is: a signed-in person or `AnonymousUser`.
- `Actor`: who acts in a service: a person, or `SYSTEM` (a task or a management command).
- `SignedInRequest`: the request of a view that only a signed-in user reaches (behind
  `permission_required` or `login_required`), so `request.user` is a `User`.

Only for annotations: nothing here exists at run time, so importing it never reaches into
`accounts.models` (apps talk through services and selectors).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TypeAlias

    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpRequest

    from osallisuus.accounts.models import User
    from osallisuus.authorization import SystemActor

    MaybeUser: TypeAlias = User | AnonymousUser
    Actor: TypeAlias = User | SystemActor

    class SignedInRequest(HttpRequest):
        user: User


__all__ = ["Actor", "MaybeUser", "SignedInRequest", "User"]
