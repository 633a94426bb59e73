"""The audit log for administrators: who looked at whose data, filterable and paginated."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from osallisuus.authorization import permission_required
from osallisuus.query_params import page_param

from .forms import AccessLogFilterForm
from .selectors import access_log


@permission_required("audit.view_accesslog")
def log(request: HttpRequest) -> HttpResponse:
    form = AccessLogFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = access_log(
        actor_username=filters.get("actor", ""),
        object_type=filters.get("object_type", ""),
        since=filters.get("since"),
        until=filters.get("until"),
    )
    page = Paginator(entries, 50).get_page(page_param(request.GET))
    return render(request, "audit/log.html", {"form": form, "page": page})
