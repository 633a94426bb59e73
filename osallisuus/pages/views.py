"""Home page, statutory pages and the health check."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

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
