"""Staff must finish two-factor sign-in before they reach anything but the sign-in pages."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .selectors import needs_two_factor

# The sign-in pages themselves, assets, language switching and health checks stay reachable.
EXEMPT_PREFIXES = ("/tili/", "/static/", "/i18n/", "/healthz", "/saavutettavuus/", "/tietosuoja/")
IDP_MFA_SESSION_KEY = "osallisuus_mfa_by_idp"


def is_two_factor_done(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_verified() or request.session.get(IDP_MFA_SESSION_KEY))  # type: ignore[union-attr]


def require_two_factor_for_staff(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(EXEMPT_PREFIXES)
            and needs_two_factor(user)
            and not is_two_factor_done(request)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": _("Finish two-factor sign-in first.")}, status=403)
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:two_factor')}?{query}")
        return get_response(request)

    return middleware
