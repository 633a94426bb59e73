"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

The context's project is about unit KST and was started by another coordinator, so none of
the role users is in its group: staff of the unit see it, experts and residents get 404.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from osallisuus.tests.matrix import (
    ADMIN,
    ANON,
    COORD,
    DECIDER,
    EXPERT,
    MANAGER,
    RESIDENT,
    SIGNED_IN,
    STAFF,
    Rows,
    everyone,
    only,
    signed_in_only,
)


def project_of(context: dict[str, Any]) -> Any:
    if "project" not in context:
        from django.utils import timezone

        from osallisuus.accounts.tests.factories import user_with_role
        from osallisuus.codevelopment.services import add_note, create_project, create_workshop

        creator = user_with_role("coordinator")
        project = create_project(
            by=creator, title="Ajanvaraus", target="Sujuvampi ajanvaraus", units=[context["unit"]]
        )
        project.is_public = True
        project.save()
        start = timezone.now() + timedelta(days=7)
        workshop = create_workshop(
            project=project,
            by=creator,
            preset="timeline",
            title="Työpaja 1",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            place="Kirjasto",
            remote_link="",
            agenda="",
            pre_tasks="",
            between_tasks="",
            votes_per_participant=3,
        )
        note = add_note(
            workshop=workshop, by=creator, column=workshop.columns.first(), text="Jonot"
        )
        context.update(project=project, workshop=workshop, note=note)
    return context["project"]


def project_kwargs(context: dict[str, Any]) -> dict[str, Any]:
    return {"pk": project_of(context).pk}


def workshop_kwargs(context: dict[str, Any]) -> dict[str, Any]:
    project_of(context)
    return {"pk": context["workshop"].pk}


# Seen by staff whose scope holds the unit and by county-wide roles; hidden (404) from others.
VISIBLE = {
    ANON: 302,
    RESIDENT: 404,
    EXPERT: 404,
    **dict.fromkeys([STAFF, MANAGER, COORD, DECIDER, ADMIN], 200),
}
# Run by the facilitator; coordinators and administrators may step in.
MANAGE = {**VISIBLE, STAFF: 404, MANAGER: 404, DECIDER: 404}
# Only the named decision maker (none named yet).
DECIDE = {**VISIBLE, **dict.fromkeys([STAFF, MANAGER, COORD, DECIDER, ADMIN], 404)}
POST_ONLY = {ANON: 302, **dict.fromkeys(SIGNED_IN, 405)}

ROWS: Rows = {
    "codevelopment:projects": (lambda c: {}, signed_in_only()),
    "codevelopment:project_create": (lambda c: {}, only(STAFF, MANAGER, COORD, ADMIN)),
    "codevelopment:project": (project_kwargs, VISIBLE),
    "codevelopment:project_edit": (project_kwargs, MANAGE),
    "codevelopment:stage": (lambda c: {**project_kwargs(c), "stage": "trial"}, VISIBLE),
    "codevelopment:move_stage": (project_kwargs, POST_ONLY),
    "codevelopment:group": (project_kwargs, VISIBLE),
    "codevelopment:remove_member": (
        lambda c: {**project_kwargs(c), "member_pk": project_of(c).members.first().pk},
        POST_ONLY,
    ),
    "codevelopment:outcomes": (project_kwargs, VISIBLE),
    "codevelopment:decide": (project_kwargs, DECIDE),
    "codevelopment:report": (project_kwargs, VISIBLE),
    "codevelopment:report_pdf": (project_kwargs, VISIBLE),
    "codevelopment:workshop_create": (project_kwargs, MANAGE),
    "codevelopment:workshop": (workshop_kwargs, VISIBLE),
    "codevelopment:workshop_edit": (workshop_kwargs, MANAGE),
    "codevelopment:workshop_ics": (workshop_kwargs, VISIBLE),
    # No material in the context (files are not written here): 404 where the workshop is seen;
    # test_workshops.py downloads a real one.
    "codevelopment:material": (
        lambda c: {**workshop_kwargs(c), "material_pk": 999999},
        {**VISIBLE, **dict.fromkeys([STAFF, MANAGER, COORD, DECIDER, ADMIN], 404)},
    ),
    "codevelopment:board": (workshop_kwargs, VISIBLE),
    "codevelopment:board_changes": (workshop_kwargs, VISIBLE),
    "codevelopment:note_edit": (
        lambda c: {**workshop_kwargs(c), "note_pk": c["note"].pk},
        {**VISIBLE, **dict.fromkeys([STAFF, MANAGER, COORD, DECIDER, ADMIN], 404)},
    ),
    "codevelopment:public_list": (lambda c: {}, everyone(200)),
    "codevelopment:public": (project_kwargs, everyone(200)),
    "api:codevelopment-project-list": (lambda c: {}, everyone(200)),
    "api:codevelopment-project-detail": (project_kwargs, everyone(200)),
}
# Admin: app labels / "app.model" labels a coordinator may open (others: administrators only).
COORDINATOR_ADMIN_APPS: set[str] = set()
COORDINATOR_ADMIN_MODELS: set[str] = set()
