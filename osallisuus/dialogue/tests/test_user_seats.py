"""User seats on the county's decision-making bodies (#16 item 5, Act 611/2021 § 29): a seat for
a service-user representative or an expert by experience, proposer, term, support person, fees
through the pool's claims, and attendance per meeting in the register."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.dialogue import selectors, services
from osallisuus.dialogue.models import BodyMeeting, SeatAttendance, UserSeat
from osallisuus.errors import DomainError
from osallisuus.experts.models import Invitation
from osallisuus.experts.services import answer_invitation
from osallisuus.experts.tests.factories import make_profile
from osallisuus.organisation.models import DecisionBody
from osallisuus.organisation.tests.factories import OrganiserFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
TERM_START = TODAY - datetime.timedelta(days=60)


@pytest.fixture
def board():
    return DecisionBody.objects.create(
        organiser=OrganiserFactory(), kind=DecisionBody.Kind.REGIONAL_BOARD, name_fi="Aluehallitus"
    )


@pytest.fixture
def coordinator():
    return user_with_role("coordinator")


def _expert_seat(board, coordinator, expert, **fields):
    return services.create_user_seat(
        by=coordinator,
        body=board,
        holder_kind="expert",
        holder_name="Kaisa Kokemus",
        expert=expert,
        proposed_by="Lapin kokemusasiantuntijaverkosto",
        support_person="Tuula Tukija",
        term_starts=TERM_START,
        **fields,
    )


def _representative_seat(
    body, coordinator, name, *, proposed_by="Vammaisneuvosto", starts=TERM_START
):
    return services.create_user_seat(
        by=coordinator,
        body=body,
        holder_kind="user_representative",
        holder_name=name,
        proposed_by=proposed_by,
        support_person="Tuula Tukija",
        term_starts=starts,
    )


def test_an_expert_holds_a_seat_and_is_invited_to_claim_fees_through_the_pool(board, coordinator):
    expert = make_profile()
    seat = _expert_seat(board, coordinator, expert)
    invitation = Invitation.objects.get(request=seat.fee_request, profile=expert)
    assert invitation.status == Invitation.Status.PENDING
    assignment = answer_invitation(invitation=invitation, accept=True)
    [row] = selectors.user_seat_register(today=TODAY)[0].seats
    assert row.seat == seat
    assert row.assignment == assignment  # fees and travel are claimed on it (#5's claims)


def test_an_expert_seat_needs_the_experts_pool_profile(board, coordinator):
    with pytest.raises(DomainError) as error:
        _expert_seat(board, coordinator, None)
    assert error.value.problems[0].field == "expert_username"
    assert not UserSeat.objects.exists()


def test_a_seat_names_its_proposer_and_support_person_and_a_term_that_ends_after_it_starts(
    board, coordinator
):
    with pytest.raises(DomainError) as error:
        services.create_user_seat(
            by=coordinator,
            body=board,
            holder_kind="user_representative",
            holder_name="Ville Edustaja",
            proposed_by="",
            support_person=" ",
            term_starts=TODAY,
            term_ends=TODAY - datetime.timedelta(days=1),
        )
    fields = {problem.field for problem in error.value.problems}
    assert fields == {"proposed_by", "support_person", "term_ends"}
    assert not UserSeat.objects.exists()


def test_attendance_is_recorded_per_meeting_for_the_seats_in_term(board, coordinator):
    present = _expert_seat(board, coordinator, make_profile(), pay_fees=False)
    absent = _representative_seat(
        board, coordinator, "Ville Edustaja", proposed_by="Vammaisneuvosto", starts=TERM_START
    )
    later = _representative_seat(
        board, coordinator, "Myöhemmin Aloittava", proposed_by="Vanhusneuvosto", starts=TODAY
    )
    met_on = TODAY - datetime.timedelta(days=7)
    services.record_seat_attendance(by=coordinator, body=board, held_on=met_on, present=[present])
    # Recording the same day again corrects it rather than adding a meeting.
    services.record_seat_attendance(by=coordinator, body=board, held_on=met_on, present=[present])
    assert BodyMeeting.objects.count() == 1
    assert not SeatAttendance.objects.filter(seat=later).exists()
    [entry] = selectors.user_seat_register(today=TODAY)
    assert entry.has_seats_in_term
    assert [(m.present, m.seats) for m in entry.meetings] == [(1, 2)]
    rows = {row.seat: (row.attended, row.meetings) for row in entry.seats}
    assert rows[present] == (1, 1)
    assert rows[absent] == (0, 1)


def test_only_seats_of_the_body_in_term_can_be_marked_present(board, coordinator):
    _expert_seat(board, coordinator, make_profile(), pay_fees=False)
    other_body = DecisionBody.objects.create(
        organiser=board.organiser, kind=DecisionBody.Kind.COMMITTEE, name_fi="Lautakunta"
    )
    stranger = _representative_seat(
        other_body,
        coordinator,
        "Toisen Elimen Jäsen",
        proposed_by="Nuorisovaltuusto",
        starts=TERM_START,
    )
    with pytest.raises(DomainError):
        services.record_seat_attendance(
            by=coordinator, body=board, held_on=TODAY, present=[stranger]
        )
    assert not BodyMeeting.objects.exists()


def test_the_register_shows_bodies_without_user_seats_and_seats_with_attendance(
    client, board, coordinator
):
    DecisionBody.objects.create(
        organiser=board.organiser, kind=DecisionBody.Kind.COMMITTEE, name_fi="Lautakunta"
    )
    seat = _expert_seat(board, coordinator, make_profile())
    services.record_seat_attendance(by=coordinator, body=board, held_on=TODAY, present=[seat])
    sign_in(client, user_with_role("staff", unit=None))
    page = client.get(reverse("dialogue:seats")).content.decode()
    assert "Aluehallitus" in page and "Lautakunta" in page
    assert "Kaisa Kokemus" in page and "Tuula Tukija" in page
    assert "Lapin kokemusasiantuntijaverkosto" in page
    assert "ei käyttäjäpaikkaa kaudella" in page  # the committee has none


def test_a_coordinator_adds_an_expert_seat_by_the_experts_user_name(client, board, coordinator):
    expert = make_profile()
    sign_in(client, coordinator)
    response = client.post(
        reverse("dialogue:seat_create"),
        {
            "body": board.pk,
            "holder_kind": "expert",
            "holder_name": "Kaisa Kokemus",
            "expert_username": expert.user.username,
            "pay_fees": "on",
            "proposed_by": "Kokemusasiantuntijaverkosto",
            "support_person": "Tuula Tukija",
            "term_starts": TERM_START.isoformat(),
        },
    )
    assert response.status_code == 302
    seat = UserSeat.objects.get()
    assert seat.expert == expert and seat.fee_request is not None


def test_an_unknown_expert_user_name_is_told_beside_the_field_and_nothing_is_stored(
    client, board, coordinator
):
    sign_in(client, coordinator)
    response = client.post(
        reverse("dialogue:seat_create"),
        {
            "body": board.pk,
            "holder_kind": "expert",
            "holder_name": "Kaisa Kokemus",
            "expert_username": "ei-ketaan",
            "proposed_by": "Verkosto",
            "support_person": "Tuula Tukija",
            "term_starts": TERM_START.isoformat(),
        },
    )
    assert response.status_code == 200
    assert "Pooliin kuuluvalla asiantuntijalla ei ole tätä käyttäjätunnusta" in (
        response.content.decode()
    )
    assert not UserSeat.objects.exists()
