"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

Each unit has a project about it, started by the coordinator (its facilitator), with a
workshop, a note of the coordinator's and a resident in the group; the decision maker of the
matrix is named to decide it. None of the other role users is in a group: staff of the unit see
the project, staff of other units, experts and residents get 404.
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
    STAFF_OTHER,
    Row,
    Write,
    everyone,
    only,
    post_only,
    signed_in_only,
    snapshot,
)

RUNNERS = (COORD, ADMIN)
CREATORS = (STAFF, MANAGER, COORD, ADMIN)


def build(world: Any, unit: Any, *, target: str) -> dict[str, Any]:
    from django.utils import timezone

    from osallisuus.codevelopment.models import GroupRole
    from osallisuus.codevelopment.services import (
        add_note,
        cast_vote,
        send_proposal,
        start_project_with_workshop,
    )

    creator = world.users[COORD]
    started = start_project_with_workshop(
        by=creator,
        title="Ajanvaraus",
        target="Sujuvampi ajanvaraus",
        units=[unit],
        members=[(world.users[RESIDENT], GroupRole.CLIENT)],
        workshop_title="Työpaja 1",
        starts_at=timezone.now() + timedelta(days=7),
        place="Kirjasto",
    )
    project, workshop, (member,) = started.project, started.workshop, started.members
    note = add_note(workshop=workshop, by=creator, column=workshop.columns.first(), text="Jonot")
    # The resident's vote, for withdrawing it.
    cast_vote(note=note, by=world.users[RESIDENT])
    send_proposal(
        project=project,
        by=creator,
        proposal="Otetaan takaisinsoitto käyttöön.",
        decision_maker=world.users[DECIDER],
    )
    return {"project": project, "workshop": workshop, "note": note, "member": member}


def _project(ctx: Any) -> dict[str, Any]:
    return {"pk": ctx.project.pk}


def _workshop(ctx: Any) -> dict[str, Any]:
    return {"pk": ctx.workshop.pk}


def _note(ctx: Any) -> dict[str, Any]:
    return {"pk": ctx.workshop.pk, "note_pk": ctx.note.pk}


def _project_body(ctx: Any) -> dict[str, Any]:
    return {
        "title": "Jonot",
        "target": "Lyhyemmät jonot",
        "units": [ctx.unit.pk],
        "feedback_codes": "",
        "public_summary": "",
    }


def _workshop_body(ctx: Any) -> dict[str, Any]:
    return {
        "title": "Työpaja 2",
        "starts_at": "2030-01-01T10:00",
        "ends_at": "2030-01-01T12:00",
        "place": "Sali",
        "remote_link": "",
        "agenda": "",
        "pre_tasks": "",
        "between_tasks": "",
        "votes_per_participant": "3",
        "preset": "timeline",
    }


def _stage_body(ctx: Any) -> dict[str, Any]:
    from osallisuus.codevelopment.forms import StageAnswersForm

    form = StageAnswersForm(stage="trial", initial_answers={})
    return dict.fromkeys(form.fields, "Kokeilemme takaisinsoittoa kuukauden.")


# Seen by staff whose scope holds the unit and by county-wide roles; hidden (404) from others.
VISIBLE = {
    ANON: 302,
    RESIDENT: 200,
    EXPERT: 404,
    **dict.fromkeys([STAFF, MANAGER, *RUNNERS, DECIDER], 200),
}
# Run by the facilitator; coordinators and administrators may step in. Group members and
# staff of the unit see it (404 on changing it).
MANAGE = {**VISIBLE, RESIDENT: 404, STAFF: 404, MANAGER: 404, DECIDER: 404}
# Only the named decision maker.
DECIDE = {**VISIBLE, **dict.fromkeys([RESIDENT, STAFF, MANAGER, *RUNNERS], 404)}


# Group members write on boards and register; those running the project may too.
PARTICIPATE = {**MANAGE, **dict.fromkeys([RESIDENT, *RUNNERS], 302)}


def managed(status: int = 302) -> dict[str, int]:
    return {**MANAGE, **dict.fromkeys(RUNNERS, status)}


def board_step(
    body: Any, changes: Any, *, kwargs: Any = _workshop, writers: Any = (RESIDENT, *RUNNERS)
) -> Row:
    """A POST-only step on a board: the group and those running the project take it."""
    return Row(
        post_only(),
        kwargs=kwargs,
        across_units=True,
        writes=(Write(PARTICIPATE, writers=writers, body=body, changes=changes),),
    )


def _material_body(c: Any) -> dict[str, Any]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = SimpleUploadedFile("ohjelma.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    return {"title": "Ohjelma", "file": pdf}


def manage_write(body: Any, changes: Any, label: str = "") -> Write:
    return Write(managed(), writers=RUNNERS, body=body, changes=changes, label=label)


ROWS: dict[str, Row] = {
    "codevelopment:projects": Row(signed_in_only(), reads_post=True),
    # Staff name the units of a new project; only units in their scope are offered.
    "codevelopment:project_create": Row(
        only(*CREATORS),
        across_units=True,
        other={STAFF: 200, STAFF_OTHER: 200, MANAGER: 200},
        writes=(
            Write(
                only(*CREATORS, status=302),
                writers=CREATORS,
                body=_project_body,
                changes=snapshot("codevelopment.Project"),
                other={STAFF: 200, STAFF_OTHER: 200, MANAGER: 200},
            ),
        ),
    ),
    "codevelopment:project": Row(VISIBLE, kwargs=_project, across_units=True, reads_post=True),
    "codevelopment:project_edit": Row(
        MANAGE,
        kwargs=_project,
        across_units=True,
        writes=(manage_write(_project_body, snapshot("codevelopment.Project", "title")),),
    ),
    "codevelopment:stage": Row(
        VISIBLE,
        kwargs=lambda c: {**_project(c), "stage": "trial"},
        across_units=True,
        writes=(manage_write(_stage_body, snapshot("codevelopment.StageAnswer", "text")),),
    ),
    "codevelopment:move_stage": Row(
        post_only(),
        kwargs=_project,
        across_units=True,
        writes=(
            manage_write(lambda c: {"stage": "meetings"}, snapshot("codevelopment.StageChange")),
        ),
    ),
    "codevelopment:group": Row(
        VISIBLE,
        kwargs=_project,
        across_units=True,
        writes=(
            manage_write(
                lambda c: {"person": c.users[EXPERT].username, "role": "client"},
                snapshot("codevelopment.Member"),
            ),
        ),
    ),
    "codevelopment:remove_member": Row(
        post_only(),
        kwargs=lambda c: {**_project(c), "member_pk": c.member.pk},
        across_units=True,
        writes=(manage_write(lambda c: {}, snapshot("codevelopment.Member")),),
    ),
    "codevelopment:outcomes": Row(VISIBLE, kwargs=_project, across_units=True),
    "codevelopment:outcomes_save": Row(
        post_only(),
        kwargs=_project,
        across_units=True,
        writes=(
            manage_write(
                lambda c: {
                    "solution_models": "Takaisinsoitto",
                    "trial_plan": "Kuukausi",
                    "evaluation_criteria": "Jonotusaika",
                    "trial_results": "",
                },
                snapshot("codevelopment.Project", "trial_plan"),
            ),
        ),
    ),
    "codevelopment:proposal_send": Row(
        post_only(),
        kwargs=_project,
        across_units=True,
        writes=(
            manage_write(
                lambda c: {
                    "proposal": "Kokeillaan chattia.",
                    "decision_maker": c.users[DECIDER].pk,
                },
                snapshot("codevelopment.Project", "proposal"),
            ),
        ),
    ),
    "codevelopment:decide": Row(
        DECIDE,
        kwargs=_project,
        across_units=True,
        writes=(
            Write(
                {**DECIDE, DECIDER: 302},
                writers=[DECIDER],
                body=lambda c: {"decision": "accepted", "reasons": ""},
                changes=snapshot("codevelopment.Project", "decision"),
            ),
        ),
    ),
    "codevelopment:report": Row(VISIBLE, kwargs=_project, across_units=True, reads_post=True),
    "codevelopment:report_pdf": Row(VISIBLE, kwargs=_project, across_units=True, reads_post=True),
    "codevelopment:workshop_create": Row(
        MANAGE,
        kwargs=_project,
        across_units=True,
        writes=(manage_write(_workshop_body, snapshot("codevelopment.Workshop")),),
    ),
    "codevelopment:workshop": Row(VISIBLE, kwargs=_workshop, across_units=True),
    # Each step on the workshop page posts to its own address.
    # Registering is for the group and those running it.
    "codevelopment:workshop_register": board_step(
        lambda c: {"remote": "on", "accessibility_needs": "", "dietary_needs": ""},
        snapshot("codevelopment.Registration", "remote"),
    ),
    "codevelopment:workshop_material": Row(
        post_only(),
        kwargs=_workshop,
        across_units=True,
        writes=(manage_write(_material_body, snapshot("codevelopment.Material")),),
    ),
    "codevelopment:workshop_invite": Row(
        post_only(),
        kwargs=_workshop,
        across_units=True,
        writes=(
            manage_write(lambda c: {}, snapshot("codevelopment.Workshop", "invitations_sent_at")),
        ),
    ),
    "codevelopment:workshop_attendance": Row(
        post_only(),
        kwargs=_workshop,
        across_units=True,
        writes=(
            manage_write(
                lambda c: {"present": [c.users[RESIDENT].pk]},
                snapshot("codevelopment.Registration", "attended"),
            ),
        ),
    ),
    "codevelopment:workshop_edit": Row(
        MANAGE,
        kwargs=_workshop,
        across_units=True,
        writes=(manage_write(_workshop_body, snapshot("codevelopment.Workshop", "title")),),
    ),
    "codevelopment:workshop_ics": Row(
        VISIBLE, kwargs=_workshop, across_units=True, reads_post=True
    ),
    # No material in the world (files are not written here): 404 where the workshop is seen;
    # test_workshops.py downloads a real one.
    "codevelopment:material": Row(
        {**VISIBLE, **dict.fromkeys(SIGNED_IN, 404)},
        kwargs=lambda c: {**_workshop(c), "material_pk": 999999},
        reads_post=True,
    ),
    "codevelopment:board": Row(VISIBLE, kwargs=_workshop, across_units=True),
    # Each step on the board posts to its own address.
    "codevelopment:board_note": board_step(
        lambda c: {"column": c.workshop.columns.first().pk, "text": "Jono on pitkä"},
        snapshot("codevelopment.Note"),
    ),
    "codevelopment:board_column": Row(
        post_only(),
        kwargs=_workshop,
        across_units=True,
        writes=(manage_write(lambda c: {"title": "Ideat"}, snapshot("codevelopment.Column")),),
    ),
    "codevelopment:board_preset": Row(
        post_only(),
        kwargs=_workshop,
        across_units=True,
        writes=(manage_write(lambda c: {"preset": "meetings"}, snapshot("codevelopment.Column")),),
    ),
    "codevelopment:note_vote": board_step(
        lambda c: {}, snapshot("codevelopment.Vote"), kwargs=_note
    ),
    # Only the resident has a vote to withdraw; the others are told they have none.
    "codevelopment:note_unvote": board_step(
        lambda c: {}, snapshot("codevelopment.Vote"), kwargs=_note, writers=[RESIDENT]
    ),
    "codevelopment:note_move": board_step(
        lambda c: {"column": c.workshop.columns.last().pk},
        snapshot("codevelopment.Note", "column_id"),
        kwargs=_note,
    ),
    "codevelopment:note_comment": board_step(
        lambda c: {"text": "Hyvä idea"}, snapshot("codevelopment.Comment"), kwargs=_note
    ),
    "codevelopment:board_changes": Row(VISIBLE, kwargs=_workshop, across_units=True),
    # Only the note's author (the coordinator who wrote it) edits it.
    "codevelopment:note_edit": Row(
        {**VISIBLE, **dict.fromkeys([RESIDENT, STAFF, MANAGER, DECIDER, ADMIN], 404)},
        kwargs=lambda c: {**_workshop(c), "note_pk": c.note.pk},
        across_units=True,
        writes=(
            Write(
                {
                    **VISIBLE,
                    **dict.fromkeys([RESIDENT, STAFF, MANAGER, DECIDER, ADMIN], 404),
                    COORD: 302,
                },
                writers=[COORD],
                body=lambda c: {"text": "Parempi"},
                changes=snapshot("codevelopment.Note", "text"),
            ),
        ),
    ),
    "codevelopment:public_list": Row(everyone(200), reads_post=True),
    "codevelopment:public": Row(everyone(200), kwargs=_project, reads_post=True),
    "api:codevelopment-project-list": Row(everyone(200)),
    "api:codevelopment-project-detail": Row(everyone(200), kwargs=_project),
}
# Admin: app labels / "app.model" labels a coordinator may open (others: administrators only).
COORDINATOR_ADMIN_APPS: set[str] = set()
COORDINATOR_ADMIN_MODELS: set[str] = set()
