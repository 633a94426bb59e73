"""Pages of invitations: a target's invite form and sent list, withdrawing, and the link's page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from osallisuus.authorization import require
from osallisuus.errors import add_to_form

from . import selectors, services
from .consent import CONSENT_VERSION, consent_paragraphs
from .forms import InviteForm
from .models import Kind, Status
from .targets import target_kind, target_of

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest

LINK_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _target_page(request: SignedInRequest, kind: str, pk: int | None) -> HttpResponse:
    spec = target_kind(kind)
    target = spec.access(request.user, pk)
    require(request.user, spec.permission, target)
    form = InviteForm(request.POST or None)
    if form.is_valid():
        try:
            invitation, _token = services.invite(
                by=request.user, kind=kind, target=target, **form.cleaned_data
            )
        except services.InvitationError as error:
            add_to_form(form, error)
        else:
            messages.success(
                request, _("Invitation sent to %(address)s.") % {"address": invitation.address}
            )
            return redirect(spec.manage_url(target))
    return render(
        request,
        "invitations/target.html",
        {
            "form": form,
            "kind": kind,
            "target": target,
            "target_name": spec.describe(target),
            "invitations": selectors.invitations_for(kind=kind, target=target),
            "pending": Status.PENDING,
            "back_url": spec.next_url(target) if target is not None else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def group(request: SignedInRequest, pk: int) -> HttpResponse:
    """Invite people to a co-development project's group; see and withdraw what was sent."""
    return _target_page(request, Kind.CODEVELOPMENT_GROUP, pk)


@login_required
@require_http_methods(["GET", "POST"])
def pool(request: SignedInRequest) -> HttpResponse:
    """Invite people to apply to the expert pool; see and withdraw what was sent."""
    return _target_page(request, Kind.EXPERT_POOL, None)


@login_required
@require_POST
def withdraw(request: SignedInRequest, pk: int) -> HttpResponse:
    invitation = selectors.access_invitation(user=request.user, pk=pk)
    try:
        services.withdraw(invitation=invitation, by=request.user)
    except services.InvitationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Invitation to %(address)s withdrawn.") % {"address": invitation.address}
        )
    return redirect(target_kind(invitation.kind).manage_url(target_of(invitation)))


def _closed(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(request, "invitations/closed.html", {"message": message}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest, token: str) -> HttpResponse:
    """The link's page: what the invitation is for, who sent it, the consent text; yes or no.

    An unknown link is 404; a withdrawn, expired or answered one is 410 (Gone), with words
    saying which, and nothing is created.
    """
    invitation = selectors.invitation_by_token(token)
    if invitation is None:
        return _closed(
            request,
            _("This invitation link is not valid. Check that the whole link was copied."),
            404,
        )
    status = invitation.status()
    if status != Status.PENDING:
        return _closed(request, services.closed_message(status), 410)
    spec = target_kind(invitation.kind)
    target = target_of(invitation)
    if request.method == "POST":
        answer = request.POST.get("answer")
        try:
            if answer == "decline":
                services.decline(invitation=invitation)
                return render(request, "invitations/declined.html")
            if answer == "accept":
                return _accepted(request, invitation, spec.next_url(target))
        except services.InvitationClosed as closed:
            return _closed(request, closed.message, 410)
        except services.InvitationError as error:
            messages.error(request, error.message)
    inviter = invitation.invited_by
    context: dict[str, Any] = {
        "invitation": invitation,
        "target_name": spec.describe(target),
        "inviter": inviter.get_full_name() or inviter.username,
        "consent": consent_paragraphs(spec.describe(target)),
        "consent_version": CONSENT_VERSION,
    }
    return render(request, "invitations/accept.html", context)


def _accepted(request: HttpRequest, invitation: Any, next_url: str) -> HttpResponse:
    signed_in = request.user if request.user.is_authenticated else None
    user = services.accept(invitation=invitation, user=signed_in)
    if signed_in is None:
        if not selectors.may_sign_in_by_link(user):
            # Staff accounts sign in with their password and second factor, never by a link.
            messages.success(request, _("Invitation accepted. Sign in to continue."))
            return redirect_to_login(next_url)
        login(request, user, backend=LINK_BACKEND)
    messages.success(request, _("Welcome! You accepted the invitation."))
    return redirect(next_url)
