"""Sign-in through the county's staff directory (OpenID Connect), on when OIDC_* is set."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .middleware import IDP_MFA_SESSION_KEY


class CountyOIDCBackend(OIDCAuthenticationBackend):
    """Matches directory users by e-mail; roles are still granted in the platform."""

    def create_user(self, claims: dict[str, Any]) -> Any:
        user = super().create_user(claims)
        user.first_name = claims.get("given_name", "")
        user.last_name = claims.get("family_name", "")
        user.save(update_fields=["first_name", "last_name"])
        return user

    def authenticate(self, request: Any, **kwargs: Any) -> Any:
        user = super().authenticate(request, **kwargs)
        if user is not None and request is not None and settings.OIDC_TRUST_IDP_MFA:
            request.session[IDP_MFA_SESSION_KEY] = True
        return user
