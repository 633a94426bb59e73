"""API endpoints of experts, composed under /api/v1/ by osallisuus/api.py.

Coordinators read the pool (each read of someone else's data is audit-logged); an expert reads
their own data, assignments, contracts and claims; a requester reads their own requests and the
assignments of them. Every list is scoped by the same selectors as the pages, and the areas of
lived experience are shown only to the person and to coordinators.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpResponse
from django.urls import path, reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound
from rest_framework.fields import SkipField
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from osallisuus.audit.services import Action, record_bulk_access
from osallisuus.authorization import api_permission, signed_in

from . import documents
from .models import (
    Assignment,
    AssignmentType,
    Claim,
    Contract,
    ExpertProfile,
    ExpertRequest,
)
from .selectors import (
    access_contract,
    assignments_visible_to,
    claims_visible_to,
    contracts_visible_to,
    is_coordinator,
    own_data,
    pool,
    profile_of,
    requests_for,
)


class ProfileSerializer(serializers.ModelSerializer[ExpertProfile]):
    name = serializers.CharField()
    email = serializers.EmailField(source="user.email")
    municipality: serializers.Field[Any, Any, Any, Any] = serializers.StringRelatedField()
    languages = serializers.ListField(source="language_list", child=serializers.CharField())
    roles = serializers.ListField(source="role_list", child=serializers.CharField())
    experience_areas: serializers.Field[Any, Any, Any, Any] = serializers.StringRelatedField(
        many=True
    )

    class Meta:
        model = ExpertProfile
        fields = [
            "id",
            "name",
            "email",
            "municipality",
            "languages",
            "roles",
            "experience_areas",
            "accessibility_needs",
            "available_onsite",
            "available_remote",
            "unavailable_until",
            "status",
            "stage",
        ]


class ProfileList(generics.ListAPIView[ExpertProfile]):
    """The pool for coordinators; every profile returned is logged as viewed."""

    permission_classes = [IsAuthenticated, api_permission("experts.coordinate_pool")]
    serializer_class = ProfileSerializer

    def get_queryset(self) -> Any:
        return pool(status=self.request.query_params.get("status", ""))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().list(request, *args, **kwargs)
        results = response.data.get("results", []) if isinstance(response.data, dict) else []
        record_bulk_access(
            actor=signed_in(request.user),
            model_label="experts.expertprofile",
            object_ids=[str(row["id"]) for row in results],
            action=Action.VIEW,
            path=request.path,
        )
        return response


class OwnData(APIView):
    """Everything stored about the signed-in expert."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        responses={
            200: dict,
            404: OpenApiResponse(description="The signed-in user is not in the expert pool."),
        }
    )
    def get(self, request: Request) -> Response:
        profile = profile_of(signed_in(request.user))
        if profile is None:
            raise NotFound
        return Response(own_data(profile))


# --- Requests, assignments, contracts and claims ------------------------------------------------


class LivedExperience(serializers.ListField):
    """The person's areas of lived experience: left out unless the reader is the person or a
    coordinator (the rule `experts.read_lived_experience`)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            child=serializers.CharField(),
            required=False,
            help_text="Only for the person themselves and coordinators.",
            **kwargs,
        )

    def get_attribute(self, instance: ExpertProfile) -> list[str]:
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if user is None or not user.has_perm("experts.read_lived_experience", instance):
            raise SkipField
        return [str(area) for area in instance.experience_areas.all()]


class ExpertSerializer(serializers.Serializer[ExpertProfile]):
    """Who is doing the work, as the request page shows them (name, languages, roles)."""

    name = serializers.CharField()
    languages = serializers.ListField(source="language_list", child=serializers.CharField())
    roles = serializers.ListField(source="role_list", child=serializers.CharField())
    experience_areas = LivedExperience(source="*")


class PersonOnRequestSerializer(serializers.ModelSerializer[Assignment]):
    expert = ExpertSerializer(source="profile")

    class Meta:
        model = Assignment
        fields = ["id", "status", "expert"]


class RequestSerializer(serializers.ModelSerializer[ExpertRequest]):
    areas: serializers.Field[Any, Any, Any, Any] = serializers.StringRelatedField(many=True)
    unit: serializers.Field[Any, Any, Any, Any] = serializers.StringRelatedField()
    municipality: serializers.Field[Any, Any, Any, Any] = serializers.StringRelatedField()
    accepted = serializers.IntegerField(help_text="How many people have accepted.")
    people = PersonOnRequestSerializer(source="assignments", many=True)

    class Meta:
        model = ExpertRequest
        fields = [
            "id",
            "topic",
            "assignment_type",
            "description",
            "areas",
            "language",
            "starts_at",
            "mode",
            "duration_hours",
            "role",
            "people_needed",
            "unit",
            "municipality",
            "project",
            "status",
            "created_at",
            "accepted",
            "people",
        ]


class AssignmentSerializer(serializers.ModelSerializer[Assignment]):
    topic = serializers.CharField(source="request.topic")
    assignment_type = serializers.ChoiceField(
        source="request.assignment_type", choices=AssignmentType.choices
    )
    starts_at = serializers.DateTimeField(source="request.starts_at")
    expert = ExpertSerializer(source="profile")

    class Meta:
        model = Assignment
        fields = [
            "id",
            "request",
            "topic",
            "assignment_type",
            "starts_at",
            "role",
            "status",
            "created_at",
            "started_at",
            "expert",
        ]


class ContractSerializer(serializers.ModelSerializer[Contract]):
    title = serializers.CharField()
    fully_signed = serializers.BooleanField()
    languages = serializers.SerializerMethodField()
    pdf = serializers.SerializerMethodField()

    class Meta:
        model = Contract
        fields = [
            "id",
            "assignment",
            "version",
            "title",
            "superseded",
            "created_at",
            "expert_signed_at",
            "coordinator_signed_at",
            "fully_signed",
            "languages",
            "pdf",
        ]

    def get_languages(self, contract: Contract) -> list[str]:
        return sorted(contract.sections)

    def get_pdf(self, contract: Contract) -> str:
        """The address of the contract as a PDF (add ?language=sv for Swedish)."""
        url = reverse("api:expert-contract-pdf", kwargs={"pk": contract.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url


class ClaimLineSerializer(serializers.Serializer[Any]):
    date = serializers.DateField()
    hours = serializers.DecimalField(max_digits=5, decimal_places=2)
    half_days = serializers.IntegerField()
    days = serializers.IntegerField()
    km = serializers.DecimalField(max_digits=7, decimal_places=1)


class ClaimExpenseSerializer(serializers.Serializer[Any]):
    description = serializers.CharField()
    amount = serializers.DecimalField(max_digits=8, decimal_places=2)


class ClaimSerializer(serializers.ModelSerializer[Claim]):
    topic = serializers.CharField(source="assignment.request.topic")
    lines = ClaimLineSerializer(many=True)
    expenses = ClaimExpenseSerializer(many=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "assignment",
            "topic",
            "status",
            "return_reason",
            "submitted_at",
            "decided_at",
            "fee_total",
            "travel_total",
            "allowance_total",
            "expenses_total",
            "total",
            "lines",
            "expenses",
        ]


def _status_parameter(choices: Any) -> OpenApiParameter:
    return OpenApiParameter(
        "status",
        str,
        enum=list(choices.values),
        description="Only those in this state (an unknown value is ignored, as on the pages).",
    )


def _status(request: Request, choices: Any) -> str:
    value = request.query_params.get("status", "")
    return value if value in choices.values else ""


class LoggedList(generics.ListAPIView[Any]):
    """A paginated list whose rows belong to people of the pool: a coordinator's read of
    someone else's rows is logged as a view of their profile, as on the pages."""

    def owners(self, row: Any) -> list[ExpertProfile]:
        raise NotImplementedError

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset())) or []
        if is_coordinator(request.user):
            ids = {
                str(profile.pk)
                for row in page
                for profile in self.owners(row)
                if profile.user_id != request.user.pk
            }
            record_bulk_access(
                actor=signed_in(request.user),
                model_label="experts.expertprofile",
                object_ids=sorted(ids),
                action=Action.VIEW,
                path=request.path,
            )
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema(
    parameters=[
        _status_parameter(ExpertRequest.Status),
        OpenApiParameter("assignment_type", str, enum=list(AssignmentType.values)),
    ]
)
class RequestList(LoggedList):
    """Requests for experts: coordinators see all, other staff the ones they filed."""

    permission_classes = [IsAuthenticated, api_permission("experts.file_request")]
    serializer_class = RequestSerializer

    def get_queryset(self) -> QuerySet[ExpertRequest]:
        kind = self.request.query_params.get("assignment_type", "")
        requests = requests_for(
            signed_in(self.request.user),
            assignment_type=kind if kind in AssignmentType.values else "",
        )
        status = _status(self.request, ExpertRequest.Status)
        if status:
            requests = requests.filter(status=status)
        people = Assignment.objects.select_related("profile__user").prefetch_related(
            "profile__experience_areas"
        )
        return requests.prefetch_related("areas", Prefetch("assignments", queryset=people))

    def owners(self, row: ExpertRequest) -> list[ExpertProfile]:
        return [assignment.profile for assignment in row.assignments.all()]


@extend_schema(parameters=[_status_parameter(Assignment.Status)])
class AssignmentList(LoggedList):
    """Assignments: the expert's own, the ones of the requests one filed; coordinators all."""

    permission_classes = [IsAuthenticated]
    serializer_class = AssignmentSerializer

    def get_queryset(self) -> QuerySet[Assignment]:
        assignments = assignments_visible_to(self.request.user).prefetch_related(
            "profile__experience_areas"
        )
        status = _status(self.request, Assignment.Status)
        return assignments.filter(status=status) if status else assignments

    def owners(self, row: Assignment) -> list[ExpertProfile]:
        return [row.profile]


class ContractList(LoggedList):
    """Contracts: the expert's own; coordinators all (the requester does not read them)."""

    permission_classes = [IsAuthenticated]
    serializer_class = ContractSerializer

    def get_queryset(self) -> QuerySet[Contract]:
        return contracts_visible_to(signed_in(self.request.user)).order_by("-created_at", "-pk")

    def owners(self, row: Contract) -> list[ExpertProfile]:
        return [row.assignment.profile]


@extend_schema(parameters=[_status_parameter(Claim.Status)])
class ClaimList(LoggedList):
    """Claims for fees: the expert's own; coordinators all."""

    permission_classes = [IsAuthenticated]
    serializer_class = ClaimSerializer

    def get_queryset(self) -> QuerySet[Claim]:
        claims = claims_visible_to(signed_in(self.request.user)).prefetch_related(
            "lines", "expenses"
        )
        status = _status(self.request, Claim.Status)
        return claims.filter(status=status) if status else claims

    def owners(self, row: Claim) -> list[ExpertProfile]:
        return [row.assignment.profile]


class PDFRenderer(BaseRenderer):
    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data: Any, accepted_media_type: Any = None, context: Any = None) -> Any:
        return data


class ContractPDF(APIView):
    """The contract as signed, as a PDF: for the expert and coordinators; 404 for anyone else."""

    permission_classes = [IsAuthenticated]
    renderer_classes = [JSONRenderer, PDFRenderer]

    @extend_schema(
        parameters=[OpenApiParameter("language", str, enum=["fi", "sv"])],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        contract = access_contract(user=signed_in(request.user), pk=pk)
        return documents.contract_download(
            contract=contract,
            language=request.query_params.get("language", ""),
            user=signed_in(request.user),
            path=request.path,
        )

    def handle_exception(self, exc: Exception) -> Response:
        """Errors are JSON whatever the client accepts (as the schema says)."""
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)


urlpatterns = [
    path("experts/profiles/", ProfileList.as_view(), name="expert-profile-list"),
    path("experts/me/", OwnData.as_view(), name="expert-me"),
    path("experts/requests/", RequestList.as_view(), name="expert-request-list"),
    path("experts/assignments/", AssignmentList.as_view(), name="expert-assignment-list"),
    path("experts/contracts/", ContractList.as_view(), name="expert-contract-list"),
    path("experts/contracts/<int:pk>/pdf/", ContractPDF.as_view(), name="expert-contract-pdf"),
    path("experts/claims/", ClaimList.as_view(), name="expert-claim-list"),
]
