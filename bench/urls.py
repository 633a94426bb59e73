"""The project's URLs plus /bench/insert/: the practical limit of one write through the stack."""

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
    """Parse the same JSON body and insert one feedback row: nothing else."""
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
