"""The public unit register: find a unit, see its address, languages and opening information."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from osallisuus.query_params import page_param

from .forms import UnitSearchForm
from .selectors import public_unit, public_units


def unit_list(request: HttpRequest) -> HttpResponse:
    form = UnitSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    units = public_units(
        query=filters.get("q", ""),
        service_id=filters["service"].pk if filters.get("service") else None,
    )
    page = Paginator(units, 25).get_page(page_param(request.GET))
    return render(request, "organisation/unit_list.html", {"form": form, "page": page})


def unit_detail(request: HttpRequest, code: str) -> HttpResponse:
    unit = public_unit(code=code)
    if unit is None:
        raise Http404
    return render(request, "organisation/unit_detail.html", {"unit": unit})
