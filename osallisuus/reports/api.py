"""API endpoints of reports, composed under /api/v1/ by osallisuus/api.py.

Aggregates only (unit × month counts from the roll-ups), for staff by session or token, within
their scope; paginated like every list of the API.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.urls import path
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from osallisuus.accounts.selectors import sees_whole_county
from osallisuus.authorization import api_permission
from osallisuus.pagination import StandardPagination
from osallisuus.query_params import id_param
from osallisuus.trail.selectors import trail_figures

from .forms import PeriodForm
from .selectors import (
    Period,
    access_service,
    access_unit,
    add_months,
    aggregate_rows,
    question_figures,
    report_units,
)


class MonthField(serializers.CharField):
    def to_representation(self, value: Any) -> str:
        return f"{value:%Y-%m}"


class AggregateSerializer(serializers.Serializer[Any]):
    unit_code = serializers.CharField(source="unit__code")
    month = MonthField(help_text="YYYY-MM")
    count = serializers.IntegerField(help_text="Feedback items, without button-mashing.")
    comments = serializers.IntegerField(help_text="Items with a written comment.")
    nps_promoters = serializers.IntegerField(help_text="Recommendation 9–10.")
    nps_passives = serializers.IntegerField(help_text="Recommendation 7–8.")
    nps_detractors = serializers.IntegerField(help_text="Recommendation 0–6.")
    answered_in_time = serializers.IntegerField()
    answered_late = serializers.IntegerField()
    change_made = serializers.IntegerField(help_text="Items that led to a change.")


class AnswerCountSerializer(serializers.Serializer[Any]):
    value = serializers.IntegerField()
    name = serializers.CharField(
        source="label", help_text="The value's label on its scale; empty if unnamed."
    )
    count = serializers.IntegerField()


class QuestionFiguresSerializer(serializers.Serializer[Any]):
    question_id = serializers.IntegerField()
    key = serializers.CharField()
    type = serializers.ChoiceField(choices=["scale5", "nps"])
    text = serializers.CharField(help_text="The statement's wording in the requested language.")
    ends = serializers.CharField(help_text="The ends of its own scale, in words.")
    answers = serializers.IntegerField(allow_null=True, help_text="Null below the minimum.")
    shown = serializers.BooleanField()
    counts = AnswerCountSerializer(many=True, help_text="Empty below the minimum.")


_COUNT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "value": {"type": "integer"},
        "name": {"type": "string"},
        "count": {"type": "integer"},
    },
    "required": ["value", "name", "count"],
}
QUESTION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "One question's answers counted per value of its own scale (the same "
    "roll-ups as the page and the dashboards); answers is null and counts empty below the "
    "minimum.",
    "properties": {
        "question_id": {"type": "integer"},
        "key": {"type": "string"},
        "type": {"type": "string", "enum": ["scale5", "nps"]},
        "text": {"type": "string"},
        "ends": {"type": "string"},
        "answers": {"type": "integer", "nullable": True},
        "shown": {"type": "boolean"},
        "counts": {"type": "array", "items": _COUNT_SCHEMA},
    },
    "required": ["question_id", "key", "type", "text", "ends", "answers", "shown", "counts"],
}


def scope_of(request: Request) -> tuple[Any, Period, bool]:
    """The units and months asked for, within the caller's scope; and whether the caller asked
    for their whole scope (no unit or service)."""
    params = request.query_params
    form = PeriodForm(params if ("since" in params or "until" in params) else None)
    if form.is_bound and not form.is_valid():
        raise ValidationError(form.errors.get_json_data())
    user = request.user
    code = params.get("unit_code", "")
    service = id_param(params, "service")
    if code:
        units = report_units(user).filter(pk=access_unit(user=user, code=code).pk)
    elif params.get("service"):
        if service is None:
            raise ValidationError({"service": ["A service id is a whole number."]})
        units = access_service(user=user, pk=service)[1]
    else:
        return report_units(user), form.period(), True
    return units, form.period(), False


SCOPE_PARAMETERS = [
    OpenApiParameter("unit_code", str, description="Only this unit."),
    OpenApiParameter("service", int, description="Only the units of this service."),
    OpenApiParameter("since", str, description="First month, YYYY-MM."),
    OpenApiParameter("until", str, description="Last month, YYYY-MM."),
]


class Aggregates(ListAPIView):  # type: ignore[type-arg]
    """Monthly figures per unit in the caller's scope (the last twelve months by default)."""

    permission_classes = [IsAuthenticated, api_permission("reports.view_reports")]
    pagination_class = StandardPagination
    serializer_class = AggregateSerializer

    def get_queryset(self) -> Any:
        units, period, _whole = scope_of(self.request)
        return aggregate_rows(units=units, period=period)

    @extend_schema(
        parameters=SCOPE_PARAMETERS,
        responses={
            200: AggregateSerializer(many=True),
            400: OpenApiResponse(description="A bad month or service id."),
            404: OpenApiResponse(description="No such unit or service in your scope."),
        },
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class TrailKindSerializer(serializers.Serializer[Any]):
    kind = serializers.CharField(help_text="The input kind's name (feedback, workshop_note, …).")
    inputs = serializers.IntegerField(help_text="Inputs of this kind given in the period.")
    with_outcome = serializers.IntegerField(
        help_text="Inputs linked to a done action or a decided matter."
    )
    outcome_share = serializers.IntegerField(
        allow_null=True, help_text="Per cent; null below the smallest group shown."
    )
    linked = serializers.IntegerField(help_text="Inputs linked to any action or matter.")
    told_share = serializers.IntegerField(
        allow_null=True,
        help_text="Per cent of the linked inputs whose givers were told of a step after the "
        "link; null below the smallest group shown.",
    )
    median_days_to_decision = serializers.FloatField(
        allow_null=True, help_text="Null below the smallest group shown."
    )


class TrailFiguresSerializer(serializers.Serializer[Any]):
    since = MonthField(help_text="YYYY-MM")
    until = MonthField(help_text="YYYY-MM")
    kinds = TrailKindSerializer(many=True)
    matters_undecided_past_limit = serializers.IntegerField(
        help_text="Matters of the scope carried too long ago (MATTER_UNDECIDED_DAYS) and still "
        "undecided."
    )


class TrailFigures(GenericAPIView):  # type: ignore[type-arg]
    """How far the input given in the caller's scope got along the trail, per input kind."""

    permission_classes = [IsAuthenticated, api_permission("reports.view_reports")]
    serializer_class = TrailFiguresSerializer

    @extend_schema(
        operation_id="reports_trail_figures",
        parameters=SCOPE_PARAMETERS,
        responses={
            200: TrailFiguresSerializer,
            400: OpenApiResponse(description="A bad month or service id."),
            404: OpenApiResponse(description="No such unit or service in your scope."),
        },
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        units, period, whole = scope_of(request)
        last_day = add_months(period.end, 1) - timedelta(days=1)
        figures = trail_figures(
            units=units,
            start=period.start,
            end=last_day,
            county_wide=whole and sees_whole_county(request.user),
        )
        body = {
            "since": period.start,
            "until": period.end,
            "kinds": figures.kinds,
            "matters_undecided_past_limit": figures.matters_undecided_past_limit,
        }
        return Response(TrailFiguresSerializer(body).data)


class QuestionFiguresList(GenericAPIView):  # type: ignore[type-arg]
    """Each question's answers in the caller's scope and period, counted per value of its own
    scale (the answer roll-ups the dashboards and the public unit page read); a question with
    fewer answers than the smallest group shown has null answers and no counts."""

    permission_classes = [IsAuthenticated, api_permission("reports.view_reports")]
    serializer_class = QuestionFiguresSerializer
    pagination_class = None  # one row per question of the scope: a short, whole list

    @extend_schema(
        operation_id="reports_question_figures",
        parameters=SCOPE_PARAMETERS,
        responses={
            200: QuestionFiguresSerializer(many=True),
            400: OpenApiResponse(description="A bad month or service id."),
            404: OpenApiResponse(description="No such unit or service in your scope."),
        },
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        units, period, _whole = scope_of(request)
        figures = question_figures(units=units, period=period)
        return Response(QuestionFiguresSerializer(figures, many=True).data)


urlpatterns = [
    path("reports/aggregates/", Aggregates.as_view(), name="report-aggregates"),
    path("reports/trail/", TrailFigures.as_view(), name="report-trail"),
    path("reports/questions/", QuestionFiguresList.as_view(), name="report-questions"),
]
