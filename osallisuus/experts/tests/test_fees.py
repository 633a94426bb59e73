"""Money: Decimal throughout, cents rounded half up, each date priced with its own year's rates."""

import datetime
from decimal import Decimal

import pytest

from osallisuus.experts.fees import LineInput, NoFeeTableError, cents, price_claim, price_line
from osallisuus.experts.models import ExpertRole, FeeTable
from osallisuus.experts.tests.factories import fee_tables

pytestmark = pytest.mark.django_db


def test_half_a_cent_rounds_up():
    assert cents(Decimal("7.125")) == Decimal("7.13")
    assert cents(Decimal("7.124999")) == Decimal("7.12")
    assert cents(Decimal("0.005")) == Decimal("0.01")


def test_kilometres_are_rounded_half_up_to_cents():
    fee_tables(2025)  # odd year: 0.57 €/km
    amounts = price_line(
        role=ExpertRole.EXPERT, line=LineInput(date=datetime.date(2025, 5, 5), km=Decimal("12.5"))
    )
    assert amounts.travel == Decimal("7.13")  # 12.5 × 0.57 = 7.125
    assert amounts.allowance == Decimal("0")  # no work on the line, no allowance


def test_developer_client_gets_a_fee_and_travel_but_no_allowance():
    fee_tables(2026)
    amounts = price_line(
        role=ExpertRole.DEVELOPER_CLIENT,
        line=LineInput(date=datetime.date(2026, 3, 1), hours=Decimal("2.5"), km=Decimal("10")),
    )
    assert (amounts.fee, amounts.travel, amounts.allowance) == (
        Decimal("62.50"),
        Decimal("5.90"),
        Decimal("0"),
    )


def test_expert_by_experience_gets_travel_and_an_allowance_but_no_fee():
    fee_tables(2026)
    amounts = price_line(
        role=ExpertRole.EXPERT,
        line=LineInput(date=datetime.date(2026, 3, 1), hours=Decimal("3"), km=Decimal("10")),
    )
    assert (amounts.fee, amounts.travel, amounts.allowance) == (
        Decimal("0.00"),
        Decimal("5.90"),
        Decimal("20.00"),
    )


def test_a_claim_across_new_year_uses_each_years_rate():
    fee_tables(2025)  # 0.57 €/km
    fee_tables(2026)  # 0.59 €/km
    FeeTable.objects.filter(valid_from__year=2026, role=ExpertRole.DEVELOPER_CLIENT).update(
        hourly_fee=Decimal("27.35")
    )
    amounts = price_claim(
        role=ExpertRole.DEVELOPER_CLIENT,
        lines=[
            LineInput(date=datetime.date(2025, 12, 31), hours=Decimal("1.5"), km=Decimal("33.3")),
            LineInput(date=datetime.date(2026, 1, 1), hours=Decimal("1.5"), km=Decimal("33.3")),
        ],
        expenses=[Decimal("4.20"), Decimal("0.99")],
    )
    # 2025: 1.5 × 25.00 = 37.50; 33.3 × 0.57 = 18.981 → 18.98
    # 2026: 1.5 × 27.35 = 41.025 → 41.03; 33.3 × 0.59 = 19.647 → 19.65
    assert amounts.fee == Decimal("78.53")
    assert amounts.travel == Decimal("38.63")
    assert amounts.expenses == Decimal("5.19")
    assert amounts.total == Decimal("122.35")
    assert isinstance(amounts.total, Decimal)


def test_half_days_and_days_are_priced_from_the_table():
    fee_tables(2026)
    amounts = price_line(
        role=ExpertRole.DEVELOPER_CLIENT,
        line=LineInput(date=datetime.date(2026, 6, 1), half_days=1, days=2),
    )
    assert amounts.fee == Decimal("380.00")


def test_a_date_without_a_fee_table_is_refused():
    fee_tables(2026)
    with pytest.raises(NoFeeTableError):
        price_line(role=ExpertRole.EXPERT, line=LineInput(date=datetime.date(2024, 6, 1)))
