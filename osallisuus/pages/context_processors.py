"""Values every page needs: the organiser's name for the header and footer."""

from __future__ import annotations

from django.http import HttpRequest

from osallisuus.accounts.selectors import roles_of
from osallisuus.organisation.selectors import current_organiser


def site(request: HttpRequest) -> dict[str, object]:
    roles = roles_of(getattr(request, "user", None))
    return {"organiser": current_organiser(), "user_roles": roles}
