"""Admin screens for coordinators: the unit register, services, producers, municipalities, and
the register of decision-making bodies (#15).

The register can also be exported as CSV from here (the same format as `export_units`).
"""

from __future__ import annotations

import io
from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext_lazy as _

from osallisuus.spreadsheets import CSV_CONTENT_TYPE, download

from .forms import UnitImportForm
from .models import (
    DecisionBody,
    Municipality,
    Organiser,
    Producer,
    Service,
    ServiceArea,
    ServicePromise,
    Unit,
)
from .selectors import current_organiser
from .unit_register import export_units, import_units


@admin.register(Organiser)
class OrganiserAdmin(admin.ModelAdmin[Organiser]):
    list_display = ["name_fi", "name_sv", "bilingual"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin[Municipality]):
    list_display = ["name_fi", "name_sv", "code"]
    search_fields = ["name_fi", "name_sv", "code"]


# Stacked, not tabular: a tabular row has no label on its inputs (axe: label).
class ServiceInline(admin.StackedInline[Service, ServiceArea]):
    model = Service
    extra = 0


@admin.register(ServiceArea)
class ServiceAreaAdmin(admin.ModelAdmin[ServiceArea]):
    list_display = ["name_fi", "name_sv"]
    inlines = [ServiceInline]


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin[Service]):
    list_display = ["name_fi", "name_sv", "area"]
    list_filter = ["area"]
    search_fields = ["name_fi", "name_sv"]


@admin.register(ServicePromise)
class ServicePromiseAdmin(admin.ModelAdmin[ServicePromise]):
    list_display = ["service", "days_to_answer", "published"]
    list_filter = ["published"]
    search_fields = ["service__name_fi", "service__name_sv"]
    autocomplete_fields = ["service"]


@admin.register(DecisionBody)
class DecisionBodyAdmin(admin.ModelAdmin[DecisionBody]):
    """Members are accounts of the decision-maker role: only those are offered."""

    list_display = ["name_fi", "name_sv", "kind", "briefing_months", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name_fi", "name_sv"]
    filter_horizontal = ["services", "members"]

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "members":
            from osallisuus.accounts.selectors import people_with_role

            kwargs["queryset"] = people_with_role("decision_maker")
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Producer)
class ProducerAdmin(admin.ModelAdmin[Producer]):
    list_display = ["name_fi", "kind", "business_id"]
    list_filter = ["kind"]
    search_fields = ["name_fi"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin[Unit]):
    list_display = ["code", "name_fi", "service", "producer", "municipality", "active"]
    list_filter = ["active", "service__area", "service", "producer__kind"]
    search_fields = ["code", "name_fi", "name_sv", "street_address"]
    autocomplete_fields = ["service", "producer", "municipality"]
    change_list_template = "admin/organisation/unit/change_list.html"

    def get_urls(self) -> list[Any]:
        return [
            path("export/", self.admin_site.admin_view(self.export_csv), name="unit_export"),
            path("import/", self.admin_site.admin_view(self.import_csv), name="unit_import"),
            *super().get_urls(),
        ]

    def export_csv(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            return HttpResponse(status=403)
        response = download(filename="units.csv", content_type=CSV_CONTENT_TYPE)
        export_units(response)
        return response

    def import_csv(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            return HttpResponse(status=403)
        form = UnitImportForm(request.POST or None, request.FILES or None)
        errors = []
        organiser = current_organiser()
        if form.is_valid() and organiser is not None:
            text = form.cleaned_data["file"].read().decode("utf-8-sig")
            result = import_units(io.StringIO(text, newline=""), organiser=organiser)
            if result.ok:
                messages.success(
                    request,
                    _("%(created)s units created, %(updated)s updated.")
                    % {"created": result.created, "updated": result.updated},
                )
                return redirect("admin:organisation_unit_changelist")
            errors = result.errors
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "row_errors": errors,
            "title": _("Import units from CSV"),
            "opts": self.model._meta,
        }
        return render(request, "admin/organisation/unit/import.html", context)
