"""Pages of the participants' way in: /tili/liity/ (sign up), /tili/kirjaudu/koodilla/ (ask for a
one-time code), /tili/koodi/ (type it) and /tili/linkki/<token>/ (the link from the e-mail)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from osallisuus.accounts.selectors import needs_two_factor
from osallisuus.accounts.views import _safe_next
from osallisuus.errors import add_to_form
from osallisuus.security import client_address

from . import services
from .forms import AskCodeForm, CodeForm, SignUpForm

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

# Where the code was sent and where to go after it, between asking and typing the code.
SESSION_ADDRESS = "participant_code_address"
SESSION_NEXT = "participant_code_next"
WRONG_CODE = gettext_lazy(
    "The code is wrong, has expired or was already used. Check it, or ask for a new one."
)


def _next_path(request: HttpRequest) -> str:
    """The safe `next` the person asked for, or '' (then the home page)."""
    if not (request.POST.get("next") or request.GET.get("next")):
        return ""
    target = _safe_next(request)
    return target if target.startswith("/") else ""


def _code_sent(request: HttpRequest, address: services.Address, next_url: str) -> HttpResponse:
    request.session[SESSION_ADDRESS] = str(address)
    request.session[SESSION_NEXT] = next_url
    return redirect("accounts:enter_code")


def _signed_in(request: HttpRequest, user: User, next_url: str) -> HttpResponse:
    """Start the session; staff roles still give their second factor."""
    login(request, user)
    request.session.pop(SESSION_ADDRESS, None)
    request.session.pop(SESSION_NEXT, None)
    if needs_two_factor(user):
        query = urlencode({"next": next_url or reverse("accounts:start")})
        return redirect(f"{reverse('accounts:two_factor')}?{query}")
    messages.success(request, _("You are signed in."))
    return redirect(next_url or "accounts:start")


@never_cache
@require_http_methods(["GET", "POST"])
def sign_up(request: HttpRequest) -> HttpResponse:
    """A newcomer gives an e-mail address or phone number and gets a link or a code."""
    next_url = _next_path(request)
    if request.user.is_authenticated:
        return redirect(next_url or "pages:home")
    form = SignUpForm(request.POST or None, initial={"language": get_language()})
    status = 200
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.sign_up(
                address=data["address"],
                language=data["language"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                client=client_address(request),
                next_url=next_url,
            )
        except services.TooManyCodesError as error:
            add_to_form(form, error)
            status = 429
        else:
            return _code_sent(request, data["address"], next_url)
    return render(
        request,
        "accounts/participants/sign_up.html",
        {"form": form, "next": next_url, "unverified_days": settings.UNVERIFIED_ACCOUNT_DAYS},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def ask_code(request: HttpRequest) -> HttpResponse:
    """Someone with an account asks for a one-time link or code instead of a password."""
    next_url = _next_path(request)
    if request.user.is_authenticated:
        return redirect(next_url or "pages:home")
    form = AskCodeForm(request.POST or None)
    status = 200
    if form.is_valid():
        address = form.cleaned_data["address"]
        try:
            services.request_sign_in(
                address=address, client=client_address(request), next_url=next_url
            )
        except services.TooManyCodesError as error:
            add_to_form(form, error)
            status = 429
        else:
            return _code_sent(request, address, next_url)
    return render(
        request,
        "accounts/participants/ask_code.html",
        {"form": form, "next": next_url},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def enter_code(request: HttpRequest) -> HttpResponse:
    """Type the code from the message; the same answer whether or not the address has an account."""
    address = request.session.get(SESSION_ADDRESS)
    if not address:
        return redirect("accounts:ask_code")
    next_url = request.session.get(SESSION_NEXT, "")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        user = authenticate(request, username=address, code=form.cleaned_data["code"])
        if user is not None:
            return _signed_in(request, user, next_url)
        form.add_error("code", WRONG_CODE)
    return render(
        request,
        "accounts/participants/enter_code.html",
        {"form": form, "address": address, "by_email": "@" in address},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the e-mail. Opening it asks for one press of a button, so a mail program
    that fetches links to check them does not use it up; the press signs in."""
    next_url = _next_path(request)
    if request.method == "POST":
        user = authenticate(request, link=token)
        if user is not None:
            return _signed_in(request, user, next_url)
    elif services.link_is_live(token):
        return render(request, "accounts/participants/link.html", {"next": next_url})
    return render(request, "accounts/participants/link_expired.html", status=410)
