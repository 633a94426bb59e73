"""The search page: a GET form and the results, a page at a time; works without JavaScript."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.paginator import Page, Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from osallisuus.authorization import permission_required
from osallisuus.query_params import page_param

from .forms import SearchForm
from .selectors import MAX_RESULTS, Result, SearchResults, search_inputs

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest

PAGE_SIZE = 20


@permission_required("search.search_inputs")
@require_GET
def search(request: SignedInRequest) -> HttpResponse:
    form = SearchForm(request.GET or None, user=request.user)
    page: Page[Result] | None = None
    results: SearchResults | None = None
    if form.is_bound and form.is_valid():
        results = search_inputs(request.user, form.query(), kinds=form.kinds())
        page = Paginator[Result](results, PAGE_SIZE).get_page(page_param(request.GET))
    return render(
        request,
        "search/search.html",
        {"form": form, "page": page, "results": results, "max_results": MAX_RESULTS},
    )
