"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

Lived-experience data is the person's and the coordinators': nobody else reads a profile,
an assignment's contract or a claim (404 for objects and coordinator screens alike). In the
matrix's world the expert (role "expert") owns a started assignment with a contract to sign
and a claim, and the staff member (role "staff") filed its request; "expert_other" and
"staff_other" are another expert of the pool and another staff member of the same unit.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from osallisuus.tests.matrix import (
    ADMIN,
    ANON,
    COORD,
    EXPERT,
    EXPERT_OTHER,
    SIGNED_IN,
    STAFF,
    STAFF_OTHER,
    STAFF_ROLES,
    Row,
    Write,
    everyone,
    only,
    post_only,
    snapshot,
)

PROFILE_HOLDERS = (EXPERT, EXPERT_OTHER)
# Signed-in people without a profile in the pool.
WITHOUT_PROFILE = [r for r in SIGNED_IN if r != EXPERT]


def build_shared(world: Any) -> dict[str, Any]:
    from decimal import Decimal

    from django.utils import timezone

    from osallisuus.experts import services
    from osallisuus.experts.fees import LineInput
    from osallisuus.experts.tests.factories import assignment_with_claim, make_profile, make_request

    users = world.users
    trail = assignment_with_claim(expert=users[EXPERT], requester=users[STAFF])
    # A new contract version, not signed yet: the expert and a coordinator may sign it.
    contract = services.generate_contract(assignment=trail["assignment"])
    other_profile = make_profile(user=users[EXPERT_OTHER])
    # An approved claim for the payroll run (the trail's own claim waits for a decision).
    approved = services.submit_claim(
        assignment=trail["assignment"],
        by=users[EXPERT],
        lines=[LineInput(date=timezone.localdate(), hours=Decimal(1), km=Decimal(0))],
        expenses=[],
    )
    services.decide_claim(claim=approved, by=users[COORD], approve=True, reason="")
    open_request = make_request(
        by=users[STAFF], starts_at=trail["request"].starts_at + timedelta(days=30)
    )
    pending = services.invite(
        request=open_request, profiles=[trail["expert_profile"]], by=users[COORD]
    )[0]
    # A co-development project the staff member runs: they (and coordinators, administrators)
    # ask the pool for its group.
    from osallisuus.codevelopment.services import create_project

    project = create_project(
        by=users[STAFF], title="Ajanvaraus", target="Sujuvampi", units=[world.units["own"]]
    )
    # The expert also collects feedback from clients of the own unit (#17 item 3).
    from osallisuus.experts.tests.factories import collector_assignment

    collecting = collector_assignment(
        profile=trail["expert_profile"], unit=world.units["own"], requester=users[STAFF]
    )
    # A developer group at its first step, with the expert as its member (#17 item 7).
    from osallisuus.experts import group_services

    dev_group = group_services.create_group(
        by=users[COORD],
        name="Kehittäjäryhmä",
        owner_kind="county",
        owner_name="Hyvinvointialue",
        home_base="Perhekeskus",
        coordinator=users[COORD],
        support_person=users[COORD],
        members=[trail["expert_profile"]],
    )
    return {
        **trail,
        "dev_group": dev_group,
        "collecting": collecting,
        "pool_project": project,
        "contract": contract,
        "open_request": open_request,
        "pending": pending,
        "other_profile": other_profile,
    }


_profile_state = snapshot(
    "experts.ExpertProfile", "user_id", "phone", "status", "stage", "erasure_requested_at"
)


def _profile_body(ctx: Any) -> dict[str, Any]:
    return {
        "languages": ["fi"],
        "roles": ["expert"],
        "available_remote": "on",
        "phone": "040 765 4321",
        "consent": "on",
    }


def _request_body(ctx: Any) -> dict[str, Any]:
    from django.utils import timezone

    starts = timezone.localtime(ctx.open_request.starts_at) + timedelta(days=1)
    return {
        "topic": "Neuvolan kehittäjäkahvila",
        "assignment_type": "workshop",
        "description": "Kahvitarjoilu.",
        "language": "fi",
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "mode": "remote",
        "duration_hours": "2.0",
        "role": "developer_client",
        "people_needed": "1",
        "unit": ctx.world.units["own"].pk,
    }


def _claim_body(ctx: Any) -> dict[str, Any]:
    from django.utils import timezone

    from osallisuus.experts.tests.factories import one_line_claim

    return one_line_claim(timezone.localdate())


def own_only(status: int = 200) -> dict[str, int]:
    """A page about one's own profile: those with one get it, everyone else 404."""
    return {ANON: 302, **{r: (status if r == EXPERT else 404) for r in SIGNED_IN}}


# Objects of the expert's assignment: the expert and coordinators; 404 for everyone else.
EXPERTS_AND_COORDINATORS = {**only(EXPERT, COORD, others=404)}
NOT_THE_EXPERT = {EXPERT_OTHER: 404}
NOT_THE_REQUESTER = {STAFF_OTHER: 404}


def coordinator_step(*, changes: Any) -> Row:
    """A coordinator's POST-only step on the assignment; everyone else gets 404."""
    return Row(
        only(COORD, status=405),
        kwargs=lambda c: {"pk": c.assignment.pk},
        non_owner={},
        writes=(
            Write(
                only(COORD, status=302),
                writers=[COORD] if changes else [],
                changes=changes or snapshot("experts.Assignment", "status"),
            ),
        ),
    )


def _training_body(c: Any) -> dict[str, Any]:
    return {
        "training-course": "Perehdytys",
        "training-organiser": "Hyvinvointialue",
        "training-date": "2026-03-01",
    }


def profile_step(body: Any, changes: Any) -> Row:
    """A coordinator's POST-only step on a person's page; everyone else gets 404."""
    return Row(
        only(COORD, status=405),
        kwargs=lambda c: {"pk": c.expert_profile.pk},
        writes=(Write(only(COORD, status=302), writers=[COORD], body=body, changes=changes),),
    )


def _group_body(ctx: Any) -> dict[str, Any]:
    coordinator = ctx.users[COORD].pk
    return {
        "name": "Vammaisneuvoston kehittäjäryhmä",
        "owner_kind": "partner",
        "owner_name": "Vammaisjärjestöt ry",
        "home_base": "Järjestötalo",
        "coordinator": coordinator,
        "support_person": coordinator,
    }


def _coordinator_post(body: Any, changes: Any) -> Row:
    """A coordinator's POST-only form on a developer group; everyone else gets 404."""
    return Row(
        only(COORD, status=405),
        kwargs=lambda c: {"pk": c.dev_group.pk},
        writes=(Write(only(COORD, status=302), writers=[COORD], body=body, changes=changes),),
    )


ROWS: dict[str, Row] = {
    "experts:home": Row(everyone(200), reads_post=True),
    # Developer groups are run by coordinators (#17 item 7).
    "experts:groups": Row(only(COORD)),
    "experts:group_create": Row(
        only(COORD),
        writes=(
            Write(
                only(COORD, status=302),
                writers=[COORD],
                body=_group_body,
                changes=snapshot("experts.DeveloperGroup", "name"),
            ),
        ),
    ),
    "experts:group": Row(only(COORD), kwargs=lambda c: {"pk": c.dev_group.pk}),
    # A member reads their own group's page; other experts (and everyone else) get 404.
    "experts:my_group": Row(
        only(EXPERT), kwargs=lambda c: {"pk": c.dev_group.pk}, non_owner={EXPERT_OTHER: 404}
    ),
    "experts:work_report": Row(only(COORD), kwargs=lambda c: {"kind": "ryhmat", "fmt": "xlsx"}),
    "experts:group_step": _coordinator_post(
        lambda c: {"step-stage": "training", "step-reached_on": "2099-01-01"},
        snapshot("experts.GroupStep", "stage"),
    ),
    "experts:group_share": _coordinator_post(
        lambda c: {"share-request": c.open_request.pk, "share-members": [c.expert_profile.pk]},
        snapshot("experts.ExpertRequest", "group_id"),
    ),
    # Applying: one profile per person; those who have one are sent to their page.
    "experts:apply": Row(
        {**only(*WITHOUT_PROFILE, others=302)},
        non_owner={EXPERT_OTHER: 302},
        writes=(
            Write(
                {ANON: 302, **dict.fromkeys(SIGNED_IN, 302)},
                writers=[r for r in WITHOUT_PROFILE if r != EXPERT],
                non_owner={EXPERT_OTHER: 302},
                body=_profile_body,
                changes=_profile_state,
            ),
        ),
    ),
    "experts:mine": Row(only(*SIGNED_IN), reads_post=True),
    "experts:edit_profile": Row(
        own_only(),
        non_owner={EXPERT_OTHER: 200},
        writes=(
            Write(
                own_only(302),
                writers=[EXPERT, EXPERT_OTHER],
                non_owner={EXPERT_OTHER: 302},
                body=_profile_body,
                changes=_profile_state,
            ),
        ),
    ),
    "experts:my_data_json": Row(own_only(), non_owner={EXPERT_OTHER: 200}, reads_post=True),
    "experts:my_data_pdf": Row(own_only(), non_owner={EXPERT_OTHER: 200}, reads_post=True),
    "experts:my_yearly_statement": Row(own_only(), non_owner={EXPERT_OTHER: 200}, reads_post=True),
    "experts:request_erasure": Row(
        own_only(),
        non_owner={EXPERT_OTHER: 200},
        writes=(
            Write(
                own_only(302),
                writers=[EXPERT, EXPERT_OTHER],
                non_owner={EXPERT_OTHER: 302},
                changes=_profile_state,
            ),
        ),
    ),
    # The link in the e-mail: whoever holds the token answers the invitation.
    "experts:invitation": Row(
        everyone(200),
        kwargs=lambda c: {"token": c.pending.token},
        writes=(
            Write(
                everyone(302),
                writers=list(everyone(0)),
                body=lambda c: {"answer": "decline"},
                changes=snapshot("experts.Invitation", "status"),
            ),
        ),
    ),
    # The assignment: the expert, the requester and coordinators; coordinators move it on.
    "experts:assignment": Row(
        only(EXPERT, STAFF, COORD, others=404),
        kwargs=lambda c: {"pk": c.assignment.pk},
        non_owner={**NOT_THE_EXPERT, **NOT_THE_REQUESTER},
    ),
    # Each step on an assignment posts to its own address; only coordinators take them.
    # The world's assignment has started and its contract is unsigned: starting is refused
    # (told as a message), finishing and a new contract version go through.
    "experts:assignment_start": coordinator_step(changes=None),
    "experts:assignment_finish": coordinator_step(changes=snapshot("experts.Assignment", "status")),
    "experts:assignment_contract": coordinator_step(changes=snapshot("experts.Contract")),
    # Entering clients' feedback: only the collector on their started assignment, not even the
    # requester or a coordinator; the feedback store and the collected row both change.
    "experts:collect": Row(
        own_only(),
        kwargs=lambda c: {"pk": c.collecting.pk},
        non_owner=NOT_THE_EXPERT,
        writes=(
            Write(
                own_only(302),
                writers=[EXPERT],
                non_owner=NOT_THE_EXPERT,
                body=lambda c: {
                    "text": "Odotusaika oli pitkä.",
                    "language": "fi",
                    "gathering": "unit",
                    "consent": "on",
                    "idempotency_key": "matrix",
                },
                changes=snapshot("experts.CollectedFeedback"),
            ),
        ),
    ),
    "experts:new_claim": Row(
        own_only(),
        kwargs=lambda c: {"pk": c.assignment.pk},
        non_owner=NOT_THE_EXPERT,
        writes=(
            Write(
                own_only(302),
                writers=[EXPERT],
                non_owner=NOT_THE_EXPERT,
                body=_claim_body,
                changes=snapshot("experts.Claim"),
            ),
        ),
    ),
    # Feedback on an assignment: anyone who sees it (the expert, the requester, coordinators).
    "experts:assignment_feedback": Row(
        post_only(),
        kwargs=lambda c: {"pk": c.assignment.pk},
        non_owner={},
        writes=(
            Write(
                only(EXPERT, STAFF, COORD, others=404, status=302),
                writers=[EXPERT, STAFF, COORD],
                non_owner={**NOT_THE_EXPERT, **NOT_THE_REQUESTER},
                body=lambda c: {"rating": "5", "text": "Hyvin meni."},
                changes=snapshot("experts.AssignmentFeedback"),
            ),
        ),
    ),
    "experts:contract": Row(
        EXPERTS_AND_COORDINATORS,
        kwargs=lambda c: {"pk": c.contract.pk},
        non_owner=NOT_THE_EXPERT,
        writes=(
            Write(
                only(EXPERT, COORD, others=404, status=302),
                writers=[EXPERT, COORD],
                non_owner=NOT_THE_EXPERT,
                changes=snapshot("experts.Contract", "expert_signed_at", "coordinator_signed_at"),
            ),
        ),
    ),
    "experts:contract_pdf": Row(
        EXPERTS_AND_COORDINATORS,
        kwargs=lambda c: {"pk": c.contract.pk},
        non_owner=NOT_THE_EXPERT,
        reads_post=True,
    ),
    "experts:claim_detail": Row(
        EXPERTS_AND_COORDINATORS,
        kwargs=lambda c: {"pk": c.claim.pk},
        non_owner=NOT_THE_EXPERT,
        writes=(
            # Only coordinators decide; the expert's POST shows the claim again.
            Write(
                {**only(EXPERT, COORD, others=404), COORD: 302},
                writers=[COORD],
                non_owner=NOT_THE_EXPERT,
                body=lambda c: {"decision": "approve", "reason": ""},
                changes=snapshot("experts.Claim", "status"),
            ),
        ),
    ),
    "experts:receipt": Row(
        EXPERTS_AND_COORDINATORS,
        kwargs=lambda c: {"pk": c.receipt.pk},
        non_owner=NOT_THE_EXPERT,
        reads_post=True,
    ),
    "experts:certificate": Row(
        EXPERTS_AND_COORDINATORS,
        kwargs=lambda c: {"pk": c.training.pk},
        non_owner=NOT_THE_EXPERT,
        reads_post=True,
    ),
    # Requests: any staff member files one and sees their own; coordinators see all.
    "experts:requests": Row(only(*STAFF_ROLES), reads_post=True),
    "experts:new_request": Row(
        only(*STAFF_ROLES),
        writes=(
            Write(
                only(*STAFF_ROLES, status=302),
                writers=STAFF_ROLES,
                body=_request_body,
                changes=snapshot("experts.ExpertRequest"),
            ),
        ),
    ),
    "experts:project_request": Row(
        only(STAFF, COORD, ADMIN, others=404),
        kwargs=lambda c: {"project_pk": c.pool_project.pk},
        non_owner=NOT_THE_REQUESTER,
        writes=(
            Write(
                only(STAFF, COORD, ADMIN, others=404, status=302),
                writers=[STAFF, COORD, ADMIN],
                non_owner=NOT_THE_REQUESTER,
                body=_request_body,
                changes=snapshot("experts.ExpertRequest"),
            ),
        ),
    ),
    "experts:request_detail": Row(
        only(STAFF, COORD, others=404),
        kwargs=lambda c: {"pk": c.open_request.pk},
        non_owner=NOT_THE_REQUESTER,
        reads_post=True,
    ),
    "experts:edit_request": Row(
        only(STAFF, COORD, others=404),
        kwargs=lambda c: {"pk": c.open_request.pk},
        non_owner=NOT_THE_REQUESTER,
        writes=(
            Write(
                only(STAFF, COORD, others=404, status=302),
                writers=[STAFF, COORD],
                non_owner=NOT_THE_REQUESTER,
                body=_request_body,
                changes=snapshot("experts.ExpertRequest", "starts_at", "description"),
            ),
        ),
    ),
    "experts:cancel_request": Row(
        post_only(),
        kwargs=lambda c: {"pk": c.open_request.pk},
        non_owner={},
        writes=(
            Write(
                only(STAFF, COORD, others=404, status=302),
                writers=[STAFF, COORD],
                non_owner=NOT_THE_REQUESTER,
                body=lambda c: {"reason": "Tila ei ole käytettävissä."},
                changes=snapshot("experts.ExpertRequest", "status"),
            ),
        ),
    ),
    # Coordinators run the pool.
    "experts:invite": Row(
        only(COORD, status=405),
        kwargs=lambda c: {"pk": c.open_request.pk},
        writes=(
            Write(
                only(COORD, status=302),
                writers=[COORD],
                body=lambda c: {"profiles": [c.other_profile.pk]},
                changes=snapshot("experts.Invitation"),
            ),
        ),
    ),
    # Nothing is due in the world: the reminder sends nothing (see issue #20 point 6).
    "experts:remind": Row(
        only(COORD, status=405),
        kwargs=lambda c: {"pk": c.open_request.pk},
        writes=(Write(only(COORD, status=302)),),
    ),
    "experts:pool": Row(only(COORD), reads_post=True),
    "experts:applicants": Row(only(COORD), reads_post=True),
    "experts:profile": Row(only(COORD), kwargs=lambda c: {"pk": c.expert_profile.pk}),
    # Each step on a person's page posts to its own address; only coordinators take them.
    "experts:profile_approve": profile_step(
        lambda c: {}, snapshot("experts.ExpertProfile", "approved_at")
    ),
    "experts:profile_erase": profile_step(lambda c: {}, _profile_state),
    "experts:profile_training": profile_step(_training_body, snapshot("experts.TrainingRecord")),
    "experts:profile_membership": profile_step(
        lambda c: {
            "membership-status": "paused",
            "membership-stage": "support",
            "membership-support_person": "",
        },
        _profile_state,
    ),
    "experts:claims": Row(only(COORD), reads_post=True),
    "experts:mark_paid": Row(
        only(COORD, status=405),
        writes=(
            Write(
                only(COORD, status=302),
                writers=[COORD],
                changes=snapshot("experts.Claim", "status"),
            ),
        ),
    ),
    "experts:payroll_csv": Row(only(COORD), reads_post=True),
    "experts:payroll_xlsx": Row(only(COORD), reads_post=True),
    "experts:yearly_summary": Row(only(COORD), reads_post=True),
    "api:expert-profile-list": Row({**only(COORD), ANON: 403}),
    "api:expert-me": Row(
        {ANON: 403, **{r: (200 if r == EXPERT else 404) for r in SIGNED_IN}},
        non_owner={EXPERT_OTHER: 200},
    ),
    # The pool's lists are scoped as the pages (an empty list for those who own nothing):
    # requests for staff, assignments, contracts and claims for anyone signed in.
    "api:expert-request-list": Row({**only(*STAFF_ROLES), ANON: 403}, non_owner={}),
    "api:expert-assignment-list": Row({**everyone(200), ANON: 403}, non_owner={}),
    "api:expert-contract-list": Row({**everyone(200), ANON: 403}, non_owner={}),
    "api:expert-claim-list": Row({**everyone(200), ANON: 403}, non_owner={}),
    "api:expert-contract-pdf": Row(
        {**EXPERTS_AND_COORDINATORS, ANON: 403},
        kwargs=lambda c: {"pk": c.contract.pk},
        non_owner=NOT_THE_EXPERT,
    ),
}
# Admin: app labels / "app.model" labels a coordinator may open (others: administrators only).
COORDINATOR_ADMIN_APPS: set[str] = set()
COORDINATOR_ADMIN_MODELS: set[str] = {
    "experts.experiencearea",
    "experts.feetable",
    "experts.typerequirement",
}
