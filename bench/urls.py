"""The project's URLs plus /bench/insert/: one insert inside the product's own middleware stack.

Reported as "product middleware only", never as the baseline: the baseline of every ratio is
the bare Django project of bench/bare/, which has no middleware at all.
"""

import secrets

from django.http import HttpRequest, JsonResponse
from django.urls import include, path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from osallisuus.feedback.models import Feedback
from osallisuus.organisation.models import Unit

_unit_ids: dict[str, int] = {}


@csrf_exempt
@require_POST
def bare_insert(request: HttpRequest) -> JsonResponse:
    """Parse the same JSON body and insert one feedback row, behind all the product's middleware."""
    import json

    body = json.loads(request.body or b"{}")
    code = str(body.get("unit_code", ""))
    if code not in _unit_ids:
        _unit_ids[code] = Unit.objects.values_list("pk", flat=True).get(code=code)
    now = timezone.now()
    row = Feedback.objects.create(
        reply_code="Z" + secrets.token_hex(4),
        unit_id=_unit_ids[code],
        channel="api",
        text=str(body.get("text", "")),
        received_at=now,
        due_at=now,
    )
    return JsonResponse({"id": row.pk}, status=201)


urlpatterns = [
    path("bench/insert/", bare_insert, name="bench-insert"),
    path("", include("osallisuus.urls")),
]
