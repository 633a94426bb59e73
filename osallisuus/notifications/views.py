"""The development outbox: every e-mail and SMS the platform sent, readable by a tester.

Only routed with DEBUG (settings.DEV_TOOLS); it shows message content, so never in production.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from osallisuus.query_params import page_param

from .models import OutboxMessage


def outbox(request: HttpRequest) -> HttpResponse:
    if not settings.DEV_TOOLS:
        raise Http404
    page = Paginator(OutboxMessage.objects.all(), 50).get_page(page_param(request.GET))
    return render(request, "notifications/outbox.html", {"page": page})


def outbox_message(request: HttpRequest, pk: int) -> HttpResponse:
    if not settings.DEV_TOOLS:
        raise Http404
    message = get_object_or_404(OutboxMessage, pk=pk)
    return render(request, "notifications/outbox_message.html", {"message": message})
