"""Home page, statutory pages and the health check."""

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found

from .health import database_ok


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/home.html")


def accessibility_statement(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")


def privacy_notice(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/privacy.html")


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    ok = database_ok()
    return JsonResponse(
        {"status": "ok" if ok else "error", "checks": {"database": "ok" if ok else "error"}},
        status=200 if ok else 503,
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404 for every unknown address: JSON under /api/ (what API clients parse), else the page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": gettext("Not found.")}, status=404)
    return page_not_found(request, exception or Http404())
