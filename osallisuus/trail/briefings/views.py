"""Briefing pages, mounted at /katsaukset/: my bodies' briefings, one briefing, its PDF, and
taking one of its lines up. Thin views over the selectors and services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from osallisuus.authorization import permission_required
from osallisuus.errors import DomainError
from osallisuus.query_params import page_param

from . import services
from .documents import briefing_pdf, briefing_title
from .selectors import access_briefing, bodies_briefed_for, briefings_for, readable

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest


@require_GET
@permission_required("trail.view_briefings")
def briefing_list(request: SignedInRequest) -> HttpResponse:
    page = Paginator(briefings_for(request.user), 25).get_page(page_param(request.GET))
    return render(
        request,
        "trail/briefings/list.html",
        {"page": page, "bodies": bodies_briefed_for(request.user)},
    )


@require_GET
@permission_required("trail.view_briefings")
def briefing_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    briefing = access_briefing(user=request.user, pk=pk)
    return render(
        request,
        "trail/briefings/detail.html",
        {
            "briefing": readable(briefing),
            "title": briefing_title(briefing),
            "may_take_up": request.user.has_perm("trail.take_up_briefing_item", briefing),
        },
    )


@require_GET
@permission_required("trail.view_briefings")
def briefing_download(request: SignedInRequest, pk: int) -> HttpResponse:
    briefing = access_briefing(user=request.user, pk=pk)
    response = HttpResponse(briefing_pdf(briefing), content_type="application/pdf")
    name = f"katsaus-{briefing.body_id}-{briefing.period_start:%Y-%m}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@permission_required("trail.view_briefings")
@require_POST
def take_up(request: SignedInRequest, pk: int) -> HttpResponse:
    briefing = access_briefing(user=request.user, pk=pk, perm="trail.take_up_briefing_item")
    try:
        matter = services.take_up_item(
            briefing=briefing, by=request.user, key=request.POST.get("item", "")
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(briefing)
    messages.success(request, _("You took the item up: it is now a matter for your body."))
    return redirect("matters:detail", pk=matter.pk)
