"""/tili/vahva/ sends a resident to strong identification; /tili/vahva/paluu/ takes them back.

Both answer 404 while strong identification is not configured.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import provider
from .services import resident_for_identity
from .session import mark_strongly_identified

logger = logging.getLogger(__name__)
# Where to go after the sign-in, kept over the trip to the provider.
NEXT_SESSION_KEY = "osallisuus_strong_identification_next"
# The account signs in like a password account would; no other backend vouches for it.
SESSION_BACKEND = "django.contrib.auth.backends.ModelBackend"
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def _enabled() -> None:
    if not settings.RESIDENT_OIDC_ENABLED:
        raise Http404


def _safe_next(request: HttpRequest, candidate: str) -> str:
    allowed = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if candidate and allowed else ""


def _language() -> str:
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE


def _failed(request: HttpRequest, message: str, *, next_url: str = "") -> HttpResponse:
    return render(
        request,
        "accounts/strong_identification_failed.html",
        {"message": message, "next": next_url},
        status=400,
    )


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """Go to the identity provider; `?next=` is where to come back to afterwards."""
    _enabled()
    next_url = _safe_next(request, request.GET.get("next", ""))
    request.session[NEXT_SESSION_KEY] = next_url
    try:
        return provider.begin(
            request,
            redirect_uri=request.build_absolute_uri(reverse("accounts:strong_callback")),
            language=_language(),
        )
    except provider.IdentificationError as error:
        logger.warning("Strong identification could not start: %s", error)
        return _failed(
            request,
            _("The identification service cannot be reached just now. Try again later."),
            next_url=next_url,
        )


@require_GET
def callback(request: HttpRequest) -> HttpResponse:
    """Check the provider's answer; sign in the person's account, made on their first visit."""
    _enabled()
    next_url = _safe_next(request, request.session.pop(NEXT_SESSION_KEY, "") or "")
    try:
        identified = provider.finish(request)
    except provider.IdentificationError as error:
        logger.warning("Strong identification refused: %s", error)
        if error.cancelled:
            message = _("The identification was cancelled, so you were not signed in.")
        else:
            message = _(
                "Your identity could not be confirmed, so you were not signed in. "
                "You can try again."
            )
        return _failed(request, message, next_url=next_url)
    user = resident_for_identity(
        identity_code=identified.identity_code,
        language=_language(),
        first_name=identified.given_name,
        last_name=identified.family_name,
    )
    if not user.is_active:
        return _failed(request, _("This account has been closed, so it cannot be signed in."))
    login(request, user, backend=SESSION_BACKEND)
    mark_strongly_identified(request)
    return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))
