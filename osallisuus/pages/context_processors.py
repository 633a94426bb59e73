"""Values every page needs: the organiser's name for the header and footer."""

from __future__ import annotations

from django.http import HttpRequest

from osallisuus.accounts.selectors import roles_of
from osallisuus.organisation.selectors import current_organiser


def site(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)  # absent on pages served before the middleware
    roles = roles_of(user) if user is not None else frozenset()
    return {"organiser": current_organiser(), "user_roles": roles}
