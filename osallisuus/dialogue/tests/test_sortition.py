"""Resident panels drawn by lot (#16 item 2): participants volunteer with an age band, a
municipality and a language; the coordinator draws members stratified by the three with a
published seed; the same seed gives the same members, a different seed a different draw, and
the public page shows the seed, the strata and the method."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.authorization import SYSTEM
from osallisuus.dialogue import services
from osallisuus.dialogue.models import Draw, GroupKind, Member, Origin
from osallisuus.dialogue.sortition import draw, seats_per_stratum
from osallisuus.errors import DomainError
from osallisuus.organisation.models import Municipality

pytestmark = pytest.mark.django_db

# Twelve volunteers in three strata of four: each stratum should get half of six seats.
STRATA = [("18_29", "901", "fi")] * 4 + [("30_64", "901", "fi")] * 4 + [("65_74", "902", "sv")] * 4


def _lot_panel(organiser, name="Asukasraati"):
    return services.create_group(
        by=SYSTEM,
        organiser=organiser,
        kind=GroupKind.RESIDENT_PANEL,
        name_fi=name,
        term_starts=datetime.date(2026, 1, 1),
        drawn_by_lot=True,
    )


@pytest.fixture
def people(unit):
    organiser = unit.producer.organiser
    places = {
        code: Municipality.objects.create(organiser=organiser, code=code, name_fi=name)
        for code, name in (("901", "Järvilaakso"), ("902", "Koskenkylä"))
    }
    users = [user_with_role("resident") for _ in STRATA]
    return organiser, places, users


def _sign_up(group, places, users):
    for user, (age, code, language) in zip(users, STRATA, strict=False):
        services.volunteer(
            by=user, group=group, age_band=age, municipality=places[code], language=language
        )


def _drawn_users(group):
    return sorted(group.members.filter(origin=Origin.LOT).values_list("user_id", flat=True))


def test_the_same_seed_gives_the_same_members_twice_and_meets_the_strata(people):
    organiser, places, users = people
    first, second = _lot_panel(organiser, "Raati A"), _lot_panel(organiser, "Raati B")
    for group in (first, second):
        _sign_up(group, places, users)
        services.draw_members(by=SYSTEM, group=group, seed="lotto-2026-48", size=6)
    assert _drawn_users(first) == _drawn_users(second)
    assert len(_drawn_users(first)) == 6
    seats = {}
    for member in Member.objects.filter(group=first, origin=Origin.LOT):
        key = (member.age_band, member.municipality.code, member.language)
        seats[key] = seats.get(key, 0) + 1
    assert seats == dict.fromkeys(set(STRATA), 2)
    record = Draw.objects.get(group=first)
    assert record.seed == "lotto-2026-48"
    assert [s["seats"] for s in record.strata] == [2, 2, 2]


def test_a_different_seed_gives_a_different_draw(people):
    organiser, places, users = people
    first, second = _lot_panel(organiser, "Raati A"), _lot_panel(organiser, "Raati B")
    for group, seed in ((first, "lotto-2026-48"), (second, "lotto-2026-49")):
        _sign_up(group, places, users)
        services.draw_members(by=SYSTEM, group=group, seed=seed, size=6)
    assert _drawn_users(first) != _drawn_users(second)


def test_seats_follow_the_strata_by_largest_remainder():
    # 5 + 3 + 2 volunteers, 5 seats: 2.5, 1.5, 1.0 → 2, 1, 1 and one more to the first key.
    assert seats_per_stratum({"b": 3, "a": 5, "c": 2}, 5) == {"a": 3, "b": 1, "c": 1}
    outcome = draw(["a"] * 5 + ["b"] * 3 + ["c"] * 2, seed="7", size=5)
    assert outcome == draw(["a"] * 5 + ["b"] * 3 + ["c"] * 2, seed="7", size=5)
    assert sum(n > 8 for n in outcome.drawn) == 1  # one of c's numbers 9, 10


def test_anyone_reads_the_seed_strata_and_method_and_participants_sign_up(client, people):
    organiser, places, users = people
    group = _lot_panel(organiser)
    _sign_up(group, places, users[:-1])
    sign_in(client, users[-1])
    response = client.post(
        reverse("dialogue:volunteer", kwargs={"pk": group.pk}),
        {"age_band": "65_74", "municipality": places["902"].pk, "language": "sv"},
    )
    assert response.status_code == 302
    assert group.volunteers.count() == 12

    sign_in(client, user_with_role("coordinator"))
    response = client.post(
        reverse("dialogue:draw_create", kwargs={"pk": group.pk}), {"seed": "4711", "size": 3}
    )
    assert response.status_code == 302
    client.logout()
    page = client.get(reverse("dialogue:draws", kwargs={"pk": group.pk})).content.decode()
    assert "4711" in page
    assert "65_74|902|sv" in page and "Koskenkylä" in page
    assert "random.Random(seed)" in page
    assert users[0].get_username() not in page  # volunteers by number only


def test_the_size_is_checked_and_a_group_without_lots_has_no_draw(client, people, unit):
    organiser, places, users = people
    group = _lot_panel(organiser)
    _sign_up(group, places, users)
    with pytest.raises(DomainError) as refused:
        services.draw_members(by=SYSTEM, group=group, seed="1", size=13)
    assert refused.value.field == "size"
    assert not Draw.objects.exists()
    plain = services.create_group(
        by=SYSTEM,
        organiser=organiser,
        kind=GroupKind.CLIENT_PANEL,
        name_fi="Tavallinen raati",
        term_starts=datetime.date(2026, 1, 1),
    )
    assert client.get(reverse("dialogue:draws", kwargs={"pk": plain.pk})).status_code == 404
