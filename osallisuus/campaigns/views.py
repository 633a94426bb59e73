"""Campaign pages: the scoped list, planning and editing one, and its results page with the
use of its results. Thin: scope, call one service or selector, render."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from osallisuus.authorization import permission_required, require
from osallisuus.errors import attempt
from osallisuus.query_params import page_param

from .forms import CampaignForm
from .models import Campaign
from .selectors import access_campaign, campaign_results, campaigns_for
from .services import create_campaign, update_campaign

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest

PAGE_SIZE = 25


@permission_required("campaigns.view_campaigns")
@require_GET
def campaign_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(campaigns_for(request.user), PAGE_SIZE).get_page(page_param(request.GET))
    return render(
        request,
        "campaigns/list.html",
        {"page": page, "may_add": request.user.has_perm("campaigns.add_campaign")},
    )


@permission_required("campaigns.add_campaign")
@require_http_methods(["GET", "POST"])
def campaign_create(request: SignedInRequest) -> HttpResponse:
    form = CampaignForm(request.POST or None, user=request.user)
    made: list[Campaign] = []
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: made.append(create_campaign(by=request.user, **form.as_service_kwargs())),
        )
    ):
        messages.success(request, _("The campaign is planned."))
        return redirect(made[0])
    return render(request, "campaigns/form.html", {"form": form, "campaign": None})


@permission_required("campaigns.view_campaigns")
@require_http_methods(["GET", "POST"])
def campaign_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    campaign = access_campaign(user=request.user, pk=pk)
    require(request.user, "campaigns.change_campaign", campaign)
    form = CampaignForm(request.POST or None, user=request.user, campaign=campaign)
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: update_campaign(campaign=campaign, by=request.user, **form.as_service_kwargs()),
        )
    ):
        messages.success(request, _("The campaign is saved."))
        return redirect(campaign)
    return render(request, "campaigns/form.html", {"form": form, "campaign": campaign})


@permission_required("campaigns.view_campaigns")
@require_GET
def campaign_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    campaign = access_campaign(user=request.user, pk=pk)
    require(request.user, "campaigns.view_campaign", campaign)
    return render(
        request,
        "campaigns/detail.html",
        {
            "campaign": campaign,
            "results": campaign_results(campaign),
            "may_edit": request.user.has_perm("campaigns.change_campaign", campaign),
            "may_plan_action": request.user.has_perm("trail.add_action"),
            "may_carry": request.user.has_perm("trail.add_matter"),
        },
    )
