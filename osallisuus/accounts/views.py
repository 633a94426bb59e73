"""Sign-in, two-factor set-up and verification, sign-out, the account page and API tokens."""

from __future__ import annotations

import base64
from typing import cast

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.oath import TOTP

from osallisuus.authorization import permission_required
from osallisuus.errors import DomainError, add_to_form

from . import services
from .forms import ApiTokenForm, LoginForm, TokenForm
from .middleware import is_two_factor_done
from .models import RoleAssignment, User
from .selectors import access_own_api_token, api_tokens_of, landing_url_name, needs_two_factor
from .services import confirm_totp_device, confirmed_totp_device, pending_totp_device


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        context["oidc_enabled"] = settings.OIDC_ENABLED
        context["strong_identification_enabled"] = settings.RESIDENT_OIDC_ENABLED
        return context


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return settings.LOGIN_REDIRECT_URL


@login_required
def start(request: HttpRequest) -> HttpResponse:
    """After signing in with nowhere to return to: staff to the inbox, coordinators and decision
    makers to the county overview, experts to their own page, participants to /oma/."""
    return redirect(landing_url_name(request.user))


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app on the first sign-in, then ask for its code every time."""
    user = request.user
    if not needs_two_factor(user) or is_two_factor_done(request):
        return redirect(_safe_next(request))
    device = confirmed_totp_device(user)  # type: ignore[arg-type]
    setting_up = device is None
    if device is None:
        device = pending_totp_device(user)  # type: ignore[arg-type]
    form = TokenForm(request.POST or None, device=device)
    if form.is_valid():
        if setting_up:
            confirm_totp_device(device)
        otp_login(request, device)
        messages.success(request, _("You are signed in."))
        return redirect(_safe_next(request))
    context = {"form": form, "setting_up": setting_up, "next": _safe_next(request)}
    if setting_up:
        context["secret"] = base64.b32encode(device.bin_key).decode()
        context["qr_data_uri"] = segno.make(device.config_url, error="m").svg_data_uri(scale=4)
    if settings.SHOW_DEMO_OTP:
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        context["demo_code"] = f"{totp.token():0{device.digits}d}"
    return render(request, "accounts/two_factor.html", context)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("You have signed out."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """The user's own account: name, roles and their scope, two-factor status."""
    assignments = RoleAssignment.objects.filter(user=cast(User, request.user)).select_related(
        "unit", "service"
    )
    return render(
        request,
        "accounts/account.html",
        {"assignments": assignments, "two_factor_done": is_two_factor_done(request)},
    )


@never_cache
@permission_required("accounts.use_api_tokens")
@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    """The user's API tokens: make one (shown once), see when each was used, revoke."""
    if not is_two_factor_done(request):
        # /tili/ is open before the second factor, but a token must not be.
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('accounts:two_factor')}?{query}")
    user = cast(User, request.user)
    form = ApiTokenForm(request.POST or None)
    new_secret = None
    if form.is_valid():
        try:
            token, new_secret = services.create_api_token(
                owner=user,
                name=form.cleaned_data["name"],
                days=form.cleaned_data["days"],
                two_factor_done=is_two_factor_done(request),
            )
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Token “%(name)s” made.") % {"name": token.name})
            form = ApiTokenForm()
    # The secret is in this one answer only (never_cache: not in any cache either).
    return render(
        request,
        "accounts/api_tokens.html",
        {"form": form, "tokens": api_tokens_of(user), "new_secret": new_secret},
    )


@require_POST
@login_required
def revoke_api_token(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke one of one's own tokens; someone else's is 404."""
    user = cast(User, request.user)
    token = access_own_api_token(user=user, pk=pk)
    services.revoke_api_token(token=token, by=user)
    messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return redirect("accounts:api_tokens")
