"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

Each unit has a project of its own here, run by the coordinator (its facilitator), with one open
invitation to its group. Only those who run the project (the coordinator, an administrator
stepping in) invite to it and withdraw; only the coordinator invites to the pool. The link's
page is open to everyone holding the link: accepting attaches the signed-in person (or makes the
invited address's account for someone signed out), declining closes it.
"""

from __future__ import annotations

from typing import Any

from osallisuus.tests.matrix import (
    ADMIN,
    ANON,
    COORD,
    DECIDER,
    EXPERT,
    MANAGER,
    RESIDENT,
    ROLES,
    STAFF,
    Row,
    Write,
    everyone,
    only,
    post_only,
    snapshot,
)

RUNNERS = (COORD, ADMIN)
# Refused as 404 to every signed-in role but those running the project.
RUN = {
    ANON: 302,
    **dict.fromkeys([RESIDENT, EXPERT, STAFF, MANAGER, DECIDER], 404),
    **dict.fromkeys(RUNNERS, 200),
}


def build(world: Any, unit: Any, *, target: str) -> dict[str, Any]:
    from osallisuus.codevelopment.services import create_project
    from osallisuus.invitations.models import Kind
    from osallisuus.invitations.services import invite

    coordinator = world.users[COORD]
    project = create_project(
        by=coordinator, title="Kutsuttava ryhmä", target="Uusia jäseniä", units=[unit]
    )
    invitation, token = invite(
        by=coordinator,
        kind=Kind.CODEVELOPMENT_GROUP,
        target=project,
        email=f"kutsuttu-{target}@example.org",
    )
    return {"invited_project": project, "open_invitation": invitation, "invitation_token": token}


def _invite_body(ctx: Any) -> dict[str, str]:
    return {"email": "uusi-jasen@example.org", "phone": "", "language": "sv", "days": "14"}


def _token(ctx: Any) -> dict[str, Any]:
    return {"token": ctx.invitation_token}


INVITATIONS = snapshot("invitations.Invitation")

ROWS: dict[str, Row] = {
    "invitations:group": Row(
        RUN,
        kwargs=lambda c: {"pk": c.invited_project.pk},
        across_units=True,
        writes=(
            Write(
                {**RUN, **dict.fromkeys(RUNNERS, 302)},
                writers=RUNNERS,
                body=_invite_body,
                changes=INVITATIONS,
            ),
        ),
    ),
    "invitations:pool": Row(
        only(COORD),
        writes=(
            Write(only(COORD, status=302), writers=[COORD], body=_invite_body, changes=INVITATIONS),
        ),
    ),
    "invitations:withdraw": Row(
        post_only(),
        kwargs=lambda c: {"pk": c.open_invitation.pk},
        across_units=True,
        writes=(
            Write(
                {**RUN, **dict.fromkeys(RUNNERS, 302)},
                writers=RUNNERS,
                changes=snapshot("invitations.Invitation", "withdrawn_at"),
            ),
        ),
    ),
    "invitations:accept": Row(
        everyone(200),
        kwargs=_token,
        writes=(
            Write(
                everyone(302),
                writers=ROLES,
                label="accept",
                body=lambda c: {"answer": "accept"},
                changes=snapshot("invitations.Invitation", "accepted_at"),
            ),
            Write(
                everyone(200),
                writers=ROLES,
                label="decline",
                body=lambda c: {"answer": "decline"},
                changes=snapshot("invitations.Invitation", "declined_at"),
            ),
        ),
    ),
}
COORDINATOR_ADMIN_APPS: set[str] = set()
COORDINATOR_ADMIN_MODELS: set[str] = set()
