"""The demo county's trail (#15 item 13), told end to end through the trail's own services.

This month the Järvilaakso health station has a run of comments about its lift (the rising
theme planted by feedback/demo.py). Its unit manager links them to one action, which is done;
he carries a matter to the social and health committee, which decides it with reasons; every
giver's status page shows the steps. A second matter, carried to the regional board months
ago, is still undecided and flagged. Runs through the services, so the same rules hold as for
a person using the pages; running it again adds nothing.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from osallisuus.feedback.selectors import received_in
from osallisuus.organisation.models import DecisionBody, Unit

from .actions.services import change_action_status, create_action
from .briefings import demo as briefings_demo
from .matters.services import carry_matter, create_matter, decide_matter, put_on_agenda
from .models import Action, Matter

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

RISING_UNIT = "Järvilaakso terveysasema"
RISING_THEME = "facilities_accessibility"
WAITING_THEME = "access_waiting"
ACTION_TITLE = "Hissin korjaus ja tilapäinen esteetön sisäänkäynti"


def _texts(fi: str, sv: str, en: str) -> dict[str, str]:
    return {"fi": fi, "sv": sv, "en": en}


def _feedback_refs(unit: Unit, theme: str, days: int, limit: int) -> list[tuple[str, int]]:
    today = timezone.localdate()
    items = received_in(
        units=Unit.objects.filter(pk=unit.pk), start=today - timedelta(days=days), end=today
    ).order_by("-received_at")
    found = [("feedback", item.pk) for item in items if theme in (item.themes or [])]
    return found[:limit]


def seed_demo_data() -> None:
    _seed_story()
    briefings_demo.seed_demo_data()  # after the story, so the briefing holds its matters


def _seed_story() -> None:
    if Action.objects.filter(title_fi=ACTION_TITLE).exists():
        return
    users = get_user_model().objects
    manager = users.filter(username="esihenkilo").first()
    coordinator = users.filter(username="koordinaattori").first()
    committee = DecisionBody.objects.filter(kind=DecisionBody.Kind.COMMITTEE).first()
    board = DecisionBody.objects.filter(kind=DecisionBody.Kind.REGIONAL_BOARD).first()
    unit = Unit.objects.filter(name_fi=RISING_UNIT).first()
    if manager is None or coordinator is None or committee is None or board is None or not unit:
        return
    with transaction.atomic():
        _decided_story(manager, committee, unit)
        _undecided_matter(coordinator, board, unit)


def _decided_story(manager: User, committee: DecisionBody, unit: Unit) -> None:
    member = committee.members.first()
    if member is None:  # a body with no members decides nothing
        return
    today = timezone.localdate()
    comments = _feedback_refs(unit, RISING_THEME, days=40, limit=40)
    action = create_action(
        by=manager,
        title_fi=ACTION_TITLE,
        title_sv="Reparation av hissen och en tillfällig tillgänglig ingång",
        title_en="Repairing the lift and a temporary step-free entrance",
        owner=manager,
        unit=unit,
        due_date=today + timedelta(days=30),
        inputs=comments,
        texts=_texts(
            "Hissi korjataan, ja remontin ajaksi avataan esteetön sisäänkäynti pihan puolelle.",
            "Hissen repareras och under renoveringen öppnas en tillgänglig ingång från gården.",
            "The lift will be repaired, and a step-free entrance opens from the yard during "
            "the renovation.",
        ),
    )
    change_action_status(
        action=action,
        by=manager,
        status=Action.Status.IN_PROGRESS,
        texts=_texts(
            "Tilapäinen sisäänkäynti on käytössä, ja hissin osat on tilattu.",
            "Den tillfälliga ingången används och delarna till hissen är beställda.",
            "The temporary entrance is in use and the parts for the lift are ordered.",
        ),
    )
    change_action_status(
        action=action,
        by=manager,
        status=Action.Status.DONE,
        texts=_texts(
            "Hissi toimii taas. Kiitos, että kerroitte: palautteenne nopeutti korjausta.",
            "Hissen fungerar igen. Tack för att ni berättade: er respons påskyndade reparationen.",
            "The lift works again. Thank you for telling us: your feedback sped up the repair.",
        ),
    )
    matter = create_matter(
        by=manager,
        title="Esteettömyys kaikilla terveysasemilla remonttien aikana",
        summary=(
            "Järvilaakson terveysaseman hissi oli rikki remontin aikana, ja asiakkaat kertoivat, "
            "etteivät päässeet vastaanotolle. Esitetään, että jokaiseen remonttiin laaditaan "
            "esteettömyyssuunnitelma ennen töiden alkua."
        ),
        carrier=manager,
        target_body=committee,
        unit=unit,
        actions=[action],
    )
    carry_matter(
        matter=matter,
        by=manager,
        carried_on=today - timedelta(days=14),
        texts=_texts(
            "Yksikön esihenkilö vei asian sosiaali- ja terveyslautakunnalle.",
            "Enhetens chef förde ärendet till social- och hälsovårdsnämnden.",
            "The unit manager took the matter to the social and health committee.",
        ),
    )
    put_on_agenda(
        matter=matter,
        by=manager,
        meeting_date=today - timedelta(days=3),
        agenda_item="7",
        diary_number="JLHVA/412/2026",
        texts=_texts(
            "Asia on lautakunnan kokouksen esityslistalla.",
            "Ärendet står på nämndens föredragningslista.",
            "The matter is on the committee's agenda.",
        ),
    )
    decide_matter(
        matter=matter,
        by=member,
        outcome="changed",
        decided_by="Sosiaali- ja terveyslautakunta",
        decided_on=today - timedelta(days=3),
        reasons=(
            "Esteettömyyssuunnitelma laaditaan jokaiseen remonttiin, joka koskee asiakastiloja. "
            "Pienissä korjauksissa riittää tilapäisten kulkureittien merkitseminen."
        ),
        texts=_texts(
            "Lautakunta päätti, että jokaiseen asiakastiloja koskevaan remonttiin laaditaan "
            "esteettömyyssuunnitelma.",
            "Nämnden beslutade att en tillgänglighetsplan görs för varje renovering av "
            "kundlokaler.",
            "The committee decided that every renovation of client premises gets an "
            "accessibility plan.",
        ),
    )


def _undecided_matter(coordinator: User, board: DecisionBody, unit: Unit) -> None:
    matter = create_matter(
        by=coordinator,
        title="Takaisinsoitto kaikille terveysasemille",
        summary=(
            "Asiakkaat jonottavat puhelimessa. Esitetään takaisinsoittopalvelua kaikille "
            "alueen terveysasemille."
        ),
        carrier=coordinator,
        target_body=board,
        inputs=_feedback_refs(unit, WAITING_THEME, days=200, limit=12),
    )
    carry_matter(
        matter=matter,
        by=coordinator,
        carried_on=timezone.localdate() - timedelta(days=120),
        texts=_texts(
            "Osallisuuskoordinaattori vei asian aluehallitukselle.",
            "Delaktighetskoordinatorn förde ärendet till välfärdsområdesstyrelsen.",
            "The participation coordinator took the matter to the regional board.",
        ),
    )
    Matter.objects.filter(pk=matter.pk).update(created_at=timezone.now() - timedelta(days=125))
