"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

Each unit has a client panel of its producer for its service. The resident is a member of
both panels (members see draft agendas); the staff member is the secretary of the own unit's
panel only, so a secretary runs their own group and gets 404 on the other. Group pages,
meetings and approved minutes are public.
"""

from __future__ import annotations

import datetime
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
    STAFF_ROLES,
    Row,
    Write,
    everyone,
    only,
    post_only,
    signed_in_only,
    snapshot,
)

# Those who run the own unit's panel: coordinators, administrators and its secretary.
RUNNERS = (COORD, ADMIN, STAFF)
RUN = {
    ANON: 302,
    **dict.fromkeys([RESIDENT, EXPERT, MANAGER, DECIDER], 404),
    **dict.fromkeys(RUNNERS, 200),
}
RUN_WRITE = {**RUN, **dict.fromkeys(RUNNERS, 302)}
# Who may ask the own unit's panel: those handling a unit in its scope.
ASKERS = (STAFF, MANAGER, COORD, ADMIN)
# Who follows the own unit's question: its unit's handlers, coordinators and the members.
FOLLOWERS = (STAFF, MANAGER, COORD, ADMIN, RESIDENT)
# The members of the own panel: the resident, and the staff member as its secretary.
MEMBERS = (RESIDENT, STAFF)
# Who answer the own unit's service's initiative: its handlers and county-wide roles.
SERVICE_ANSWERERS = (STAFF, MANAGER, COORD, ADMIN)
REFUSED_WRITE = {
    ANON: 302,
    **dict.fromkeys([RESIDENT, EXPERT, STAFF, MANAGER, COORD, DECIDER, ADMIN], 404),
}


def _question(name: str) -> Any:
    return lambda c: {"pk": getattr(c, name).pk}


def build(world: Any, unit: Any, *, target: str) -> dict[str, Any]:
    from osallisuus.authorization import SYSTEM
    from osallisuus.dialogue import services
    from osallisuus.dialogue.models import (
        Initiative,
        MemberKind,
        MemberRole,
        Origin,
        Question,
        QuestionStatus,
    )

    from .factories import meeting_of, panel_for

    group = panel_for(unit, name=f"Asiakasraati {target}")
    services.add_member(
        by=SYSTEM,
        group=group,
        name=f"Raadin jäsen {target}",
        origin=Origin.OPEN_CALL,
        member_kind=MemberKind.CLIENT,
        user=world.users[RESIDENT],
        email=f"raati-{target}@example.org",
    )
    if target == "own":
        services.add_member(
            by=SYSTEM,
            group=group,
            name="Raadin sihteeri",
            role=MemberRole.SECRETARY,
            origin=Origin.APPOINTED,
            member_kind=MemberKind.STAFF,
            user=world.users[STAFF],
        )
    # The panel draws its members by lot: the expert and the decision maker have volunteered.
    from osallisuus.dialogue.models import Group, Volunteer
    from osallisuus.organisation.models import Municipality

    Group.objects.filter(pk=group.pk).update(drawn_by_lot=True)
    group.drawn_by_lot = True
    place, _made = Municipality.objects.get_or_create(
        code="989", defaults={"organiser": group.organiser, "name_fi": "Arpakylä"}
    )
    for who in (EXPERT, DECIDER):
        Volunteer.objects.create(
            group=group, user=world.users[who], age_band="30_64", municipality=place, language="fi"
        )
    # A language committee (§ 33) whose secretary in the own unit's world is the staff member.
    committee = services.create_group(
        by=SYSTEM,
        organiser=group.organiser,
        kind="language_committee",
        name_fi=f"Kansalliskielilautakunta {target}",
        term_starts=datetime.date(2026, 1, 1),
    )
    if target == "own":
        services.add_member(
            by=SYSTEM,
            group=committee,
            name="Lautakunnan sihteeri",
            role=MemberRole.SECRETARY,
            origin=Origin.APPOINTED,
            member_kind=MemberKind.STAFF,
            user=world.users[STAFF],
        )
    past = meeting_of(group)
    past.starts_at = past.starts_at - datetime.timedelta(days=30)
    past.save()
    question = {
        "group": group,
        "asked_by": world.users[STAFF],
        "unit": unit,
        "topic": "availability",
        "title": f"Kysymys {target}",
        "answer_wanted_by": datetime.date(2030, 1, 1),
    }
    return {
        "panel": group,
        "committee": committee,
        "draft_meeting": meeting_of(group),
        "approved_meeting": meeting_of(group, approved=True),
        "past_meeting": past,
        "open_question": Question.objects.create(**question, status=QuestionStatus.ONLINE),
        "answered_question": Question.objects.create(
            **question, status=QuestionStatus.ANSWERED, answer="Vastaus"
        ),
        # The panel's initiative to the unit's service: the service's staff answer it.
        "initiative": Initiative.objects.create(
            group=group,
            service=unit.service,
            title=f"Aloite {target}",
            answer_wanted_by=datetime.date(2030, 1, 1),
            raised_by=world.users[COORD],
        ),
    }


def _group(ctx: Any) -> dict[str, Any]:
    return {"pk": ctx.panel.pk}


def _member_body(ctx: Any) -> dict[str, str]:
    return {
        "name": "Uusi Jäsen",
        "role": "member",
        "origin": "open_call",
        "member_kind": "client",
        "age_band": "30_64",
        "language": "fi",
        "publish": "",
    }


ROWS: dict[str, Row] = {
    "dialogue:groups": Row(everyone(200)),
    "dialogue:group": Row(everyone(200), kwargs=_group),
    # The county's statutory influence bodies: public, names bodies and municipalities only.
    "dialogue:influence_bodies": Row(everyone(200)),
    "dialogue:group_create": Row(
        only(COORD, ADMIN),
        writes=(
            Write(
                only(COORD, ADMIN, status=302),
                writers=(COORD, ADMIN),
                body=lambda c: {
                    "kind": "youth_council",
                    "name_fi": "Nuorisovaltuusto",
                    "owner_kind": "county",
                    "term_starts": "2026-01-01",
                },
                changes=snapshot("dialogue.Group"),
            ),
        ),
    ),
    "dialogue:members": Row(
        RUN,
        kwargs=_group,
        across_units=True,
        writes=(
            Write(
                RUN_WRITE,
                writers=RUNNERS,
                body=_member_body,
                changes=snapshot("dialogue.Member"),
            ),
        ),
    ),
    "dialogue:meeting_create": Row(
        RUN,
        kwargs=_group,
        across_units=True,
        writes=(
            Write(
                RUN_WRITE,
                writers=RUNNERS,
                body=lambda c: {"starts_at": "2026-12-20T17:00", "place": "Sali 2"},
                changes=snapshot("dialogue.Meeting"),
            ),
        ),
    ),
    "dialogue:meeting_rule_create": Row(
        RUN,
        kwargs=_group,
        across_units=True,
        writes=(
            Write(
                RUN_WRITE,
                writers=RUNNERS,
                body=lambda c: {
                    "description": "kahdesti vuodessa",
                    "months": ["4", "10"],
                    "day": "15",
                    "time": "10:00",
                    "place": "Sali 2",
                },
                changes=snapshot("dialogue.MeetingRule"),
            ),
        ),
    ),
    "dialogue:meeting": Row(everyone(200), kwargs=lambda c: {"pk": c.draft_meeting.pk}),
    "dialogue:minutes": Row(
        RUN,
        kwargs=lambda c: {"pk": c.draft_meeting.pk},
        across_units=True,
        writes=(
            Write(
                RUN_WRITE,
                writers=RUNNERS,
                body=lambda c: {"minutes": "Pöytäkirja", "approve": "on"},
                changes=snapshot("dialogue.Meeting", "minutes", "minutes_approved_at"),
            ),
        ),
    ),
    "dialogue:minutes_pdf": Row(everyone(200), kwargs=lambda c: {"pk": c.approved_meeting.pk}),
    "dialogue:question_create": Row(
        only(*ASKERS),
        kwargs=_group,
        across_units=True,
        writes=(
            Write(
                only(*ASKERS, status=302),
                writers=ASKERS,
                body=lambda c: {
                    "unit": c.unit.pk,
                    "topic": "availability",
                    "title": "Saako ajan helposti?",
                    "answer_wanted_by": "2030-01-01",
                },
                changes=snapshot("dialogue.Question"),
            ),
        ),
    ),
    "dialogue:question": Row(
        only(*FOLLOWERS), kwargs=_question("open_question"), across_units=True
    ),
    "dialogue:question_post": Row(
        post_only(),
        kwargs=_question("open_question"),
        across_units=True,
        writes=(
            Write(
                # Coordinators steer the thread but speak through the answer: the form says so.
                {**REFUSED_WRITE, **dict.fromkeys(MEMBERS, 302), COORD: 200, ADMIN: 200},
                writers=MEMBERS,
                body=lambda c: {"text": "Puhelimessa jonotus on pitkä."},
                changes=snapshot("dialogue.Post"),
            ),
        ),
    ),
    "dialogue:question_take_up": Row(
        post_only(),
        kwargs=_question("open_question"),
        across_units=True,
        writes=(
            Write(
                RUN_WRITE,
                writers=RUNNERS,
                body=lambda c: {"meeting": c.draft_meeting.pk},
                changes=snapshot("dialogue.Question", "status", "meeting"),
            ),
        ),
    ),
    "dialogue:question_answer": Row(
        post_only(),
        kwargs=_question("open_question"),
        across_units=True,
        writes=(
            Write(
                RUN_WRITE,
                writers=RUNNERS,
                body=lambda c: {"answer": "Raati toivoo iltapäiväaikoja."},
                changes=snapshot("dialogue.Question", "answer"),
            ),
        ),
    ),
    "dialogue:question_close": Row(
        post_only(),
        kwargs=_question("answered_question"),
        across_units=True,
        writes=(
            Write(
                {**REFUSED_WRITE, STAFF: 302},
                writers=[STAFF],
                body=lambda c: {"outcome": "Lisäsimme iltapäiviin puhelinaikoja."},
                changes=snapshot("dialogue.Question", "status"),
            ),
        ),
    ),
    "dialogue:influence": Row(
        post_only(),
        kwargs=lambda c: {"pk": c.past_meeting.pk},
        across_units=True,
        writes=(
            Write(
                {**REFUSED_WRITE, **dict.fromkeys(MEMBERS, 302)},
                writers=MEMBERS,
                body=lambda c: {"answer": "partly"},
                changes=snapshot("dialogue.InfluenceAnswer"),
            ),
        ),
    ),
    "dialogue:initiative_create": Row(
        RUN,
        kwargs=_group,
        across_units=True,
        writes=(
            Write(
                RUN_WRITE,
                writers=RUNNERS,
                body=lambda c: {
                    "service": c.unit.service.pk,
                    "title": "Iltavastaanotto kerran viikossa",
                    "answer_wanted_by": "2030-01-01",
                },
                changes=snapshot("dialogue.Initiative"),
            ),
        ),
    ),
    # Followed by the service's handlers, coordinators, and the panel's members and secretary.
    "dialogue:initiative": Row(
        only(*FOLLOWERS), kwargs=lambda c: {"pk": c.initiative.pk}, across_units=True
    ),
    "dialogue:initiative_answer": Row(
        post_only(),
        kwargs=lambda c: {"pk": c.initiative.pk},
        across_units=True,
        writes=(
            Write(
                {**REFUSED_WRITE, **dict.fromkeys(SERVICE_ANSWERERS, 302)},
                writers=SERVICE_ANSWERERS,
                body=lambda c: {"answer": "Kokeilemme keskiviikkoiltoja."},
                changes=snapshot("dialogue.Initiative", "status", "answer"),
            ),
        ),
    ),
    # Drawn by lot: the draws with seed, strata and method are public.
    "dialogue:draws": Row(everyone(200), kwargs=_group),
    # Any signed-in participant volunteers; those already signed up are told so on the form.
    "dialogue:volunteer": Row(
        signed_in_only(),
        kwargs=_group,
        writes=(
            Write(
                {ANON: 302, **dict.fromkeys(SIGNED_IN, 302), EXPERT: 200, DECIDER: 200},
                writers=(RESIDENT, STAFF, MANAGER, COORD, ADMIN),
                body=lambda c: {
                    "age_band": "18_29",
                    "municipality": c.panel.organiser.municipalities.get(code="989").pk,
                    "language": "sv",
                },
                changes=snapshot("dialogue.Volunteer"),
            ),
        ),
    ),
    "dialogue:draw_create": Row(
        RUN,
        kwargs=_group,
        across_units=True,
        writes=(
            Write(
                RUN_WRITE,
                writers=RUNNERS,
                body=lambda c: {"seed": "4711", "size": 1},
                changes=snapshot("dialogue.Draw"),
            ),
        ),
    ),
    # A language committee's annual reports: its secretary (own unit's world) and coordinators.
    "dialogue:annual_reports": Row(
        RUN,
        kwargs=lambda c: {"pk": c.committee.pk},
        across_units=True,
        writes=(
            Write(
                RUN_WRITE,
                writers=RUNNERS,
                body=lambda c: {"year": 2025, "due_on": "2026-03-31"},
                changes=snapshot("dialogue.AnnualReport", "due_on"),
            ),
        ),
    ),
}


# --- User seats on the county's bodies (#16 item 5) and the groups API (#16 item 7) ----------
# The seats are on a body of the trail's register, which belongs to no unit: staff read the
# register, coordinators give seats and record attendance.


def build_shared(world: Any) -> dict[str, Any]:
    from osallisuus.dialogue import services
    from osallisuus.organisation.models import DecisionBody

    body = DecisionBody.objects.create(
        organiser=world.units["own"].producer.organiser,
        kind=DecisionBody.Kind.REGIONAL_BOARD,
        name_fi="Aluehallitus",
    )
    seat = services.create_user_seat(
        by=world.users[COORD],
        body=body,
        holder_kind="user_representative",
        holder_name="Paikan Haltija",
        proposed_by="Vammaisneuvosto",
        support_person="Tuula Tukija",
        term_starts=datetime.date(2026, 1, 1),
    )
    return {"seat_body": body, "user_seat": seat}


SEAT_MANAGERS = (COORD, ADMIN)
# The API answers a signed-out caller itself (no sign-in page); GET of a POST-only path is 405.
API_POST_ONLY = {ANON: 403, **dict.fromkeys(SIGNED_IN, 405)}

ROWS.update(
    {
        "dialogue:seats": Row(only(*STAFF_ROLES)),
        "dialogue:seat_create": Row(
            only(*SEAT_MANAGERS),
            writes=(
                Write(
                    only(*SEAT_MANAGERS, status=302),
                    writers=SEAT_MANAGERS,
                    body=lambda c: {
                        "body": c.seat_body.pk,
                        "holder_kind": "user_representative",
                        "holder_name": "Uusi Edustaja",
                        "proposed_by": "Nuorisovaltuusto",
                        "support_person": "Tuula Tukija",
                        "term_starts": "2026-01-01",
                    },
                    changes=snapshot("dialogue.UserSeat"),
                ),
            ),
        ),
        "dialogue:seat_attendance": Row(
            only(*SEAT_MANAGERS),
            kwargs=lambda c: {"pk": c.seat_body.pk},
            writes=(
                Write(
                    only(*SEAT_MANAGERS, status=302),
                    writers=SEAT_MANAGERS,
                    body=lambda c: {"held_on": "2026-02-02", "present": [c.user_seat.pk]},
                    changes=snapshot("dialogue.BodyMeeting"),
                ),
            ),
        ),
        "api:group-list": Row(everyone(200)),
        "api:group-detail": Row(everyone(200), kwargs=_group),
        "api:group-questions": Row(
            API_POST_ONLY,
            kwargs=_group,
            across_units=True,
            writes=(
                Write(
                    {**only(*ASKERS, status=201), ANON: 403},
                    writers=ASKERS,
                    json=True,
                    body=lambda c: {
                        "unit": c.unit.pk,
                        "topic": "availability",
                        "title": "Saako ajan helposti?",
                        "answer_wanted_by": "2030-01-01",
                    },
                    changes=snapshot("dialogue.Question"),
                ),
            ),
        ),
    }
)
