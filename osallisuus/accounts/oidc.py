"""Sign-in through the county's staff directory (OpenID Connect), on when OIDC_* is set.

A directory account is matched by the provider's stable subject (`sub`), stored on the user,
never by its e-mail address: the directory may change an address or give it to someone else.
The first sign-in of a subject creates an account, except where an account already has its
e-mail address: that account is linked only when OIDC_LINK_EXISTING_BY_EMAIL allows it and
exactly one active account, with no subject yet, has the address; otherwise the sign-in is
refused, so a directory entry cannot take over an account it does not own. Later sign-ins keep
the account's e-mail and name as the directory has them.

A directory sign-in counts as the second factor only when OIDC_TRUST_IDP_MFA is on and the
provider says it used more than a password: an `amr` value in OIDC_MFA_AMR_VALUES or an `acr`
in OIDC_MFA_ACR_VALUES, read from the signed ID token (or else from the user info).
"""

from __future__ import annotations

import base64
import hashlib
import logging
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

from .middleware import IDP_MFA_SESSION_KEY
from .models import User

logger = logging.getLogger(__name__)
# Claims about how the person signed in; the ID token is signed, so its word counts first.
AUTHENTICATION_CLAIMS = ("amr", "acr")


def provider_asserts_mfa(claims: dict[str, Any]) -> bool:
    """True when the provider's amr/acr claim says the sign-in used more than one factor."""
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    if set(map(str, amr)) & set(settings.OIDC_MFA_AMR_VALUES):
        return True
    acr = claims.get("acr")
    return bool(acr) and str(acr) in settings.OIDC_MFA_ACR_VALUES


class CountyOIDCBackend(OIDCAuthenticationBackend):
    """Matches directory users by subject; roles are still granted in the platform."""

    claims: dict[str, Any] | None = None

    def get_userinfo(self, access_token: Any, id_token: Any, payload: dict[str, Any]) -> Any:
        claims = dict(super().get_userinfo(access_token, id_token, payload))
        for name in AUTHENTICATION_CLAIMS:
            if name in payload:
                claims[name] = payload[name]
        self.claims = claims
        return claims

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(claims.get("sub")) and bool(claims.get("email"))

    def get_username(self, claims: dict[str, Any]) -> str:
        """A username from the subject, so a reused e-mail address can never collide."""
        digest = hashlib.sha256(str(claims["sub"]).encode()).digest()
        return "dir-" + base64.urlsafe_b64encode(digest).decode()[:32]

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        """The account with this subject; or the one account its e-mail may be linked to."""
        subject = str(claims.get("sub") or "")
        if not subject:
            return User.objects.none()
        by_subject = User.objects.filter(oidc_subject=subject)
        if by_subject.exists():
            return by_subject
        email = claims.get("email") or ""
        if not (settings.OIDC_LINK_EXISTING_BY_EMAIL and email):
            return User.objects.none()
        active = User.objects.filter(email__iexact=email, is_active=True)
        if len(active) == 1 and not active[0].oidc_subject:
            return active
        return User.objects.none()

    def create_user(self, claims: dict[str, Any]) -> Any:
        """A new account for a new subject, unless its e-mail already belongs to an account."""
        email = claims.get("email") or ""
        if User.objects.filter(email__iexact=email).exists():
            logger.warning(
                "Directory sign-in refused: subject %s is not linked, and an account already "
                "has its e-mail address (see OIDC_LINK_EXISTING_BY_EMAIL).",
                claims.get("sub"),
            )
            return None
        user = super().create_user(claims)
        return self.update_user(user, claims)

    def update_user(self, user: User, claims: dict[str, Any]) -> Any:
        """Link the subject, and keep e-mail and name as the directory has them."""
        user.oidc_subject = str(claims["sub"])
        user.email = claims.get("email") or user.email
        user.first_name = claims.get("given_name", user.first_name)
        user.last_name = claims.get("family_name", user.last_name)
        user.save(update_fields=["oidc_subject", "email", "first_name", "last_name"])
        return user

    def authenticate(self, request: Any, **kwargs: Any) -> Any:
        user = super().authenticate(request, **kwargs)
        if user is not None and request is not None:
            if settings.OIDC_TRUST_IDP_MFA and provider_asserts_mfa(self.claims or {}):
                request.session[IDP_MFA_SESSION_KEY] = True
            else:
                request.session.pop(IDP_MFA_SESSION_KEY, None)
        return user


class CountyOIDCCallbackView(OIDCAuthenticationCallbackView):
    """Back on the sign-in page with a message when the directory sign-in did not succeed."""

    def login_failure(self) -> HttpResponse:
        messages.error(
            self.request,
            _(
                "Signing in with the county's staff account did not succeed. If you already "
                "have an account here, ask an administrator to link it."
            ),
        )
        response: HttpResponse = super().login_failure()
        return response
