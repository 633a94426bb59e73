"""One's own page: what the person takes part in, notices, followed feedback, own data."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from osallisuus.authorization import permission_required, require
from osallisuus.errors import DomainError, add_to_form, attempt
from osallisuus.feedback import selectors as feedback_selectors
from osallisuus.feedback import services as feedback_services
from osallisuus.rate_limits import count_hit, over_limit

from . import documents, selectors, services
from .forms import LinkFeedbackForm, NotificationForm

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest

# Reply codes are long enough that guessing needs millions of tries; a few honest typos an
# hour are plenty. Counted per address and per account, so neither can be used to guess.
LINK_ATTEMPTS_PER_HOUR = 10
HOUR = 3600


def _page(
    request: SignedInRequest,
    *,
    settings_form: NotificationForm | None = None,
    link_form: LinkFeedbackForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    context = {
        "mine": selectors.my_participation(user),
        "settings_form": settings_form or NotificationForm(user=user),
        "link_form": link_form or LinkFeedbackForm(),
    }
    return render(request, "participation/home.html", context, status=status)


def _section(name: str, anchor: str) -> str:
    return f"{reverse(name)}#{anchor}"


@permission_required("participation.view_own_page")
@require_GET
def home(request: SignedInRequest) -> HttpResponse:
    """Everything the person takes part in, on one page."""
    return _page(request)


@permission_required("participation.change_own_settings")
@require_POST
def notification_settings(request: SignedInRequest) -> HttpResponse:
    form = NotificationForm(request.POST, user=request.user)
    if form.is_valid() and attempt(
        form,
        lambda: services.save_notification_settings(
            user=request.user,
            channel=form.cleaned_data.get("notify_channel"),
            language=form.cleaned_data["preferred_language"],
            daily=form.cleaned_data["notify_daily"],
        ),
    ):
        messages.success(request, _("Your notification settings were saved."))
        return redirect(_section("participation:home", "notices"))
    return _page(request, settings_form=form)


def _too_many_attempts(request: HttpRequest) -> bool:
    by_address = over_limit(
        request, scope="link_reply_code", limit=LINK_ATTEMPTS_PER_HOUR, window_seconds=HOUR
    )
    by_account, _previous, _start = count_hit(
        f"link_reply_code:account:{request.user.pk}", window_seconds=HOUR
    )
    return by_address or by_account > LINK_ATTEMPTS_PER_HOUR


@permission_required("participation.link_feedback")
@require_POST
def link_feedback(request: SignedInRequest) -> HttpResponse:
    """Follow a piece of feedback on one's own page by typing its reply code."""
    form = LinkFeedbackForm(request.POST)
    if not form.is_valid():
        return _page(request, link_form=form)
    if _too_many_attempts(request):
        form.add_error("reply_code", _("Too many tries. Please wait an hour and try again."))
        return _page(request, link_form=form, status=429)
    try:
        linked = feedback_services.link_to_account(
            code=form.cleaned_data["reply_code"], account=request.user
        )
    except DomainError as error:
        add_to_form(form, error)
        return _page(request, link_form=form)
    messages.success(
        request,
        _("The feedback %(code)s is now on your page.") % {"code": linked.reply_code},
    )
    return redirect(_section("participation:home", "feedback"))


@permission_required("participation.view_own_page")
@require_POST
def unlink_feedback(request: SignedInRequest, pk: int) -> HttpResponse:
    item = feedback_selectors.access_linked_feedback(user=request.user, pk=pk)
    require(request.user, "participation.unlink_feedback", item)
    feedback_services.unlink_from_account(feedback=item, account=request.user)
    messages.success(
        request,
        _("The feedback %(code)s is no longer on your page.") % {"code": item.reply_code},
    )
    return redirect(_section("participation:home", "feedback"))


@permission_required("participation.view_own_page")
@require_GET
def own_data_json(request: SignedInRequest) -> HttpResponse:
    response = HttpResponse(
        json.dumps(selectors.own_data(request.user), ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="oma-osallistuminen.json"'
    return response


@permission_required("participation.view_own_page")
@require_GET
def own_data_pdf(request: SignedInRequest) -> HttpResponse:
    response = HttpResponse(
        documents.own_data_pdf(selectors.own_data(request.user)), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="oma-osallistuminen.pdf"'
    return response


@permission_required("participation.view_own_page")
@require_http_methods(["GET", "POST"])
def close_account(request: SignedInRequest) -> HttpResponse:
    """What closing erases and what stays; the button closes the account and signs out."""
    user = request.user
    if request.method == "POST":
        services.close_account(user=user, by=user, path=request.path)
        logout(request)
        messages.success(request, _("Your account is closed and your personal data erased."))
        return redirect("pages:home")
    return render(
        request,
        "participation/close.html",
        {
            "may_close": selectors.may_close_account(user),
            "profile": selectors.pool_profile(user),
        },
    )
