"""Every input kind an app registers answers the whole InputKind protocol, so the trail, the
figures and the search can use any of them without knowing which kinds exist."""

from datetime import date

import pytest

from osallisuus.organisation.models import Unit
from osallisuus.trail.kinds import InputKind, InputQuery, input_kinds

pytestmark = pytest.mark.django_db

PROTOCOL = [
    name
    for name in vars(InputKind)
    if not name.startswith("_") and callable(getattr(InputKind, name, None))
]


def test_every_registered_kind_has_every_method_of_the_protocol():
    assert {"search_ids", "received_ids", "tell_giver", "items"} <= set(PROTOCOL)
    kinds = input_kinds()
    assert {kind.name for kind in kinds} >= {
        "feedback",
        "workshop_note",
        "campaign",
        "panel_question",
        "panel_initiative",
        "statement",
    }
    for kind in kinds:
        missing = [name for name in PROTOCOL if not callable(getattr(kind, name, None))]
        assert not missing, f"{kind.name} lacks {missing}"


def test_every_kind_answers_a_search_and_a_period_on_an_empty_county(make_user, unit):
    coordinator = make_user("coordinator")
    query = InputQuery(
        words=(("hissi",),), unit_id=unit.pk, since=date(2026, 1, 1), until=date(2026, 12, 31)
    )
    for kind in input_kinds():
        assert list(kind.search_ids(coordinator, query)) == [], kind.name
        found = kind.received_ids(Unit.objects.all(), date(2026, 1, 1), date(2026, 12, 31))
        assert list(found) == [], kind.name
        assert kind.items([], coordinator) == [], kind.name
        assert str(kind.label())
