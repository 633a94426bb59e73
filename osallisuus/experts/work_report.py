"""The pool's work report (#17 item 8) as CSV and XLSX: per expert and per developer group,
assignments by type and courses completed (training records, which completing a course of
the catalogue writes). Every cell goes through osallisuus/spreadsheets.py."""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from osallisuus.spreadsheets import CsvWriter, XlsxSheet

from .models import Assignment, AssignmentType, DeveloperGroup, ExpertProfile, TrainingRecord

KINDS = ("asiantuntijat", "ryhmat")


@dataclass(frozen=True)
class WorkRow:
    pk: int
    name: str
    details: list[str]
    by_type: list[int]
    courses: int


def _assignment_counts(field: str) -> dict[int, Counter[str]]:
    counts: dict[int, Counter[str]] = {}
    rows = (
        Assignment.objects.exclude(status=Assignment.Status.CANCELLED)
        .exclude(**{f"{field}__isnull": True})
        .values(field, "request__assignment_type")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        counts.setdefault(row[field], Counter())[row["request__assignment_type"]] += row["n"]
    return counts


def _courses_by_profile() -> dict[int, int]:
    rows = TrainingRecord.objects.values("profile_id").annotate(n=Count("pk"))
    return {row["profile_id"]: row["n"] for row in rows}


def expert_rows() -> list[WorkRow]:
    """One row per person in the pool (erased profiles left out)."""
    counts = _assignment_counts("profile_id")
    courses = _courses_by_profile()
    profiles = ExpertProfile.objects.filter(erased_at=None).select_related("user")
    rows = [
        WorkRow(
            pk=profile.pk,
            name=profile.name,
            details=[profile.get_status_display()],
            by_type=[counts.get(profile.pk, Counter())[t] for t in AssignmentType.values],
            courses=courses.get(profile.pk, 0),
        )
        for profile in profiles
    ]
    return sorted(rows, key=lambda row: row.name.lower())


def group_rows() -> list[WorkRow]:
    """One row per developer group: the work given to it, the courses its members completed."""
    counts = _assignment_counts("request__group_id")
    courses = _courses_by_profile()
    groups = DeveloperGroup.objects.prefetch_related("members").order_by("name", "pk")
    return [
        WorkRow(
            pk=group.pk,
            name=group.name,
            details=[group.owner_name, group.home_base, group.get_stage_display()],
            by_type=[counts.get(group.pk, Counter())[t] for t in AssignmentType.values],
            courses=sum(courses.get(member.pk, 0) for member in group.members.all()),
        )
        for group in groups
    ]


def header(kind: str) -> list[str]:
    details = [_("Status")] if kind == "asiantuntijat" else [_("Owner"), _("Home base"), _("Step")]
    first = _("Expert") if kind == "asiantuntijat" else _("Group")
    return [
        first,
        *details,
        *[str(label) for label in AssignmentType.labels],
        _("Courses completed"),
    ]


def rows_of(kind: str) -> list[WorkRow]:
    return expert_rows() if kind == "asiantuntijat" else group_rows()


def _cells(row: WorkRow) -> list[object]:
    return [row.name, *row.details, *row.by_type, row.courses]


def work_csv(kind: str) -> str:
    out = io.StringIO()
    writer = CsvWriter(out, delimiter=";")
    writer.writerow(header(kind))
    writer.writerows(_cells(row) for row in rows_of(kind))
    return out.getvalue()


def work_xlsx(kind: str) -> bytes:
    sheet = XlsxSheet(_("Work")[:31])
    sheet.append(header(kind))
    for row in rows_of(kind):
        sheet.append(_cells(row))
    return sheet.to_bytes()
