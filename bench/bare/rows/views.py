"""POST: parse the JSON body and INSERT … RETURNING one row. GET: the newest 10 rows as JSON."""

import json

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.utils import timezone

from .models import Row


def rows(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        body = json.loads(request.body)
        answers = body.get("answers") or [{}]
        row = Row.objects.create(
            unit_code=str(body.get("unit_code", ""))[:20],
            value=int(answers[0].get("value", 0)),
            text=str(body.get("text", "")),
            received_at=timezone.now(),
        )
        return JsonResponse({"id": row.pk}, status=201)
    if request.method == "GET":
        newest = Row.objects.order_by("-pk").values(
            "id", "unit_code", "value", "text", "received_at"
        )
        return JsonResponse({"results": list(newest[:10])})
    return HttpResponseNotAllowed(["GET", "POST"])
