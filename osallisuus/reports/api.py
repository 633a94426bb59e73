"""API endpoints of reports, composed under /api/v1/ by osallisuus/api.py.

Aggregates only (unit × month counts from the roll-ups), for staff by session or token, within
their scope; paginated like every list of the API.
"""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from osallisuus.authorization import api_permission
from osallisuus.pagination import StandardPagination
from osallisuus.query_params import id_param

from .forms import PeriodForm
from .selectors import access_service, access_unit, aggregate_rows, report_units


class MonthField(serializers.CharField):
    def to_representation(self, value: Any) -> str:
        return f"{value:%Y-%m}"


class AggregateSerializer(serializers.Serializer[Any]):
    unit_code = serializers.CharField(source="unit__code")
    month = MonthField(help_text="YYYY-MM")
    count = serializers.IntegerField(help_text="Feedback items, without button-mashing.")
    comments = serializers.IntegerField(help_text="Items with a written comment.")
    score_1 = serializers.IntegerField()
    score_2 = serializers.IntegerField()
    score_3 = serializers.IntegerField()
    score_4 = serializers.IntegerField()
    score_5 = serializers.IntegerField()
    nps_promoters = serializers.IntegerField(help_text="Recommendation 9–10.")
    nps_passives = serializers.IntegerField(help_text="Recommendation 7–8.")
    nps_detractors = serializers.IntegerField(help_text="Recommendation 0–6.")
    answered_in_time = serializers.IntegerField()
    answered_late = serializers.IntegerField()
    change_made = serializers.IntegerField(help_text="Items that led to a change.")


class Aggregates(ListAPIView):  # type: ignore[type-arg]
    """Monthly figures per unit in the caller's scope (the last twelve months by default)."""

    permission_classes = [IsAuthenticated, api_permission("reports.view_reports")]
    pagination_class = StandardPagination
    serializer_class = AggregateSerializer

    def get_queryset(self) -> Any:
        params = self.request.query_params
        form = PeriodForm(params if ("since" in params or "until" in params) else None)
        if form.is_bound and not form.is_valid():
            raise ValidationError(form.errors.get_json_data())
        user = self.request.user
        code = params.get("unit_code", "")
        service = id_param(params, "service")
        if code:
            units = report_units(user).filter(pk=access_unit(user=user, code=code).pk)
        elif params.get("service"):
            if service is None:
                raise ValidationError({"service": ["A service id is a whole number."]})
            units = access_service(user=user, pk=service)[1]
        else:
            units = report_units(user)
        return aggregate_rows(units=units, period=form.period())

    @extend_schema(
        parameters=[
            OpenApiParameter("unit_code", str, description="Only this unit."),
            OpenApiParameter("service", int, description="Only the units of this service."),
            OpenApiParameter("since", str, description="First month, YYYY-MM."),
            OpenApiParameter("until", str, description="Last month, YYYY-MM."),
        ],
        responses={
            200: AggregateSerializer(many=True),
            400: OpenApiResponse(description="A bad month or service id."),
            404: OpenApiResponse(description="No such unit or service in your scope."),
        },
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


urlpatterns = [
    path("reports/aggregates/", Aggregates.as_view(), name="report-aggregates"),
]
