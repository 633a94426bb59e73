"""The fictional Järvilaakso county: every name here is invented."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from osallisuus.accounts.models import Role, User
from osallisuus.accounts.services import assign_role
from osallisuus.organisation.models import (
    DecisionBody,
    Municipality,
    Organiser,
    Producer,
    Service,
    ServiceArea,
    ServicePromise,
    Unit,
)

DEMO_PASSWORD = "osallisuus-demo"  # noqa: S105 (printed for testers; development only)

MUNICIPALITIES = [
    ("901", "Järvilaakso", "Sjödal", "Järvilaakso"),
    ("902", "Koskenkylä", "Forsby", "Koskenkylä"),
    ("903", "Mäntyranta", "Tallstrand", "Mäntyranta"),
    ("904", "Strandby", "Strandby", "Strandby"),
    ("905", "Kivijärvi", "Stensjö", "Kivijärvi"),
]
# (area fi, sv, en) → [(service fi, sv, en, unit name pattern fi, sv, en)]
SERVICES = [
    (
        ("Terveyspalvelut", "Hälsovårdstjänster", "Health services"),
        [
            (
                "Terveysasemat",
                "Hälsostationer",
                "Health stations",
                "{} terveysasema",
                "{} hälsostation",
                "{} health station",
            ),
        ],
    ),
    (
        ("Suun terveydenhuolto", "Munhälsovård", "Oral health care"),
        [
            (
                "Hammashoitolat",
                "Tandkliniker",
                "Dental clinics",
                "{} hammashoitola",
                "{} tandklinik",
                "{} dental clinic",
            ),
        ],
    ),
    (
        ("Perhepalvelut", "Familjetjänster", "Family services"),
        [
            (
                "Äitiys- ja lastenneuvolat",
                "Mödra- och barnrådgivningar",
                "Maternity and child clinics",
                "{} neuvola",
                "{} rådgivning",
                "{} maternity and child clinic",
            ),
        ],
    ),
    (
        ("Ikääntyneiden palvelut", "Äldreomsorg", "Services for older people"),
        [
            ("Kotihoito", "Hemvård", "Home care", "{} kotihoito", "{} hemvård", "{} home care"),
            (
                "Palveluasuminen",
                "Serviceboende",
                "Assisted living",
                "Palvelukoti Rinne, {}",
                "Servicehemmet Rinne, {}",
                "Rinne assisted living, {}",
            ),
        ],
    ),
    (
        (
            "Mielenterveys- ja päihdepalvelut",
            "Mental- och missbrukarvård",
            "Mental health and substance use services",
        ),
        [
            (
                "Mielenterveys- ja päihdepalvelut",
                "Mentalvårds- och missbrukartjänster",
                "Mental health and substance use services",
                "{} mielenterveys- ja päihdeyksikkö",
                "{} mentalvårds- och missbruksenhet",
                "{} mental health and substance use unit",
            ),
        ],
    ),
    (
        ("Sosiaalipalvelut", "Socialtjänster", "Social services"),
        [
            (
                "Aikuissosiaalityö",
                "Socialt arbete för vuxna",
                "Adult social work",
                "{} sosiaalityö",
                "{} socialt arbete",
                "{} social work",
            ),
            (
                "Vammaispalvelut",
                "Handikappservice",
                "Disability services",
                "{} vammaispalvelut",
                "{} handikappservice",
                "{} disability services",
            ),
        ],
    ),
]
LANGUAGES_BY_MUNICIPALITY = {"904": "sv,fi", "901": "fi,sv,en"}
STREETS = ["Keskuskatu", "Koulukatu", "Rantatie", "Asemakatu", "Puistotie", "Kirkkotie"]


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str | None
    language: str = "fi"


DEMO_USERS = [
    DemoUser("asukas", "Aino", "Asukas", None),
    DemoUser("kokemus", "Kalle", "Kokemus", Role.EXPERT),
    DemoUser("hoitaja", "Helmi", "Hoitaja", Role.STAFF),
    DemoUser("esihenkilo", "Eero", "Esihenkilö", Role.UNIT_MANAGER),
    DemoUser("koordinaattori", "Kaisa", "Koordinaattori", Role.COORDINATOR),
    DemoUser("paattaja", "Pekka", "Päättäjä", Role.DECISION_MAKER),
    DemoUser("hallitus", "Hanna", "Hallitus", Role.DECISION_MAKER),
    DemoUser("tuottaja", "Tuula", "Tuottaja", Role.PRODUCER_CONTACT),
    DemoUser("viestinta", "Ville", "Viestintä", Role.COMMUNICATIONS),
    DemoUser("muistutukset", "Maija", "Muistutus", Role.COMPLAINTS_OFFICER),
    DemoUser("yllapitaja", "Ylva", "Ylläpitäjä", Role.ADMINISTRATOR, "sv"),
]


# The register of decision-making bodies (#15): (kind, fi, sv, en, the member's username).
DECISION_BODIES = [
    (
        DecisionBody.Kind.COMMITTEE,
        "Sosiaali- ja terveyslautakunta",
        "Social- och hälsovårdsnämnden",
        "Social and Health Committee",
        "paattaja",
    ),
    (
        DecisionBody.Kind.REGIONAL_BOARD,
        "Aluehallitus",
        "Välfärdsområdesstyrelsen",
        "Regional Board",
        "hallitus",
    ),
]


def build_decision_bodies(organiser: Organiser) -> list[DecisionBody]:
    """The demo county's decision-making bodies, each with its decision-maker member; running
    it again changes nothing."""
    bodies = []
    for kind, name_fi, name_sv, name_en, username in DECISION_BODIES:
        body, _created = DecisionBody.objects.get_or_create(
            organiser=organiser,
            name_fi=name_fi,
            defaults={"kind": kind, "name_sv": name_sv, "name_en": name_en},
        )
        member = User.objects.filter(username=username).first()
        if member is not None:
            body.members.add(member)
        bodies.append(body)
    return bodies


def demo_exists() -> bool:
    return Organiser.objects.exists()


def _code(prefix: str, municipality_code: str, taken: set[str]) -> str:
    # Codes avoid 0, O, 1 and I so they can be read aloud without mistakes.
    digits = {"0": "2", "1": "3"}
    base = prefix + "".join(digits.get(c, c) for c in municipality_code[-2:])
    code, n = base, 2
    while code in taken:
        code = f"{base}{n}"
        n += 1
    taken.add(code)
    return code


@transaction.atomic
def build_demo_county() -> list[DemoUser]:
    """Create the county, its register and the demo users; return the users created."""
    organiser = Organiser.objects.create(
        name_fi="Järvilaakson hyvinvointialue",
        name_sv="Sjödalens välfärdsområde",
        name_en="Järvilaakso Wellbeing Services County",
        bilingual=True,
        email="osallisuus@jarvilaakso.example",
        phone="029 123 4000",
    )
    municipalities = {
        code: Municipality.objects.create(
            organiser=organiser, code=code, name_fi=fi, name_sv=sv, name_en=en
        )
        for code, fi, sv, en in MUNICIPALITIES
    }
    county = Producer.objects.create(
        organiser=organiser,
        kind=Producer.Kind.COUNTY,
        name_fi="Järvilaakson hyvinvointialue",
        name_sv="Sjödalens välfärdsområde",
        name_en="Järvilaakso Wellbeing Services County",
    )
    company = Producer.objects.create(
        organiser=organiser,
        kind=Producer.Kind.COMPANY,
        name_fi="Hoivarinne Oy",
        name_sv="Hoivarinne Ab",
        name_en="Hoivarinne Ltd",
        business_id="1234567-8",
    )
    ngo = Producer.objects.create(
        organiser=organiser,
        kind=Producer.Kind.NGO,
        name_fi="Mielensilta ry",
        name_sv="Mielensilta rf",
        name_en="Mielensilta association",
    )
    taken: set[str] = set()
    units: list[Unit] = []
    for (area_fi, area_sv, area_en), services in SERVICES:
        area = ServiceArea.objects.create(
            organiser=organiser, name_fi=area_fi, name_sv=area_sv, name_en=area_en
        )
        for s_fi, s_sv, s_en, u_fi, u_sv, u_en in services:
            service = Service.objects.create(area=area, name_fi=s_fi, name_sv=s_sv, name_en=s_en)
            prefix = "".join(ch for ch in s_fi.upper() if ch in "ABCDEFGHJKLMNPRSTUVY")[:3]
            for index, (m_code, m_fi, m_sv, m_en) in enumerate(MUNICIPALITIES):
                producer = county
                if service.name_fi == "Palveluasuminen" or (
                    service.name_fi == "Kotihoito" and m_code in ("902", "905")
                ):
                    producer = company
                if service.name_fi.startswith("Mielenterveys") and m_code == "903":
                    producer = ngo
                units.append(
                    Unit(
                        code=_code(prefix, m_code, taken),
                        service=service,
                        producer=producer,
                        name_fi=u_fi.format(m_fi),
                        name_sv=u_sv.format(m_sv),
                        name_en=u_en.format(m_en),
                        street_address=f"{STREETS[index % len(STREETS)]} {3 + index * 4}",
                        postal_code=f"{41100 + index * 10}",
                        municipality=municipalities[m_code],
                        languages=LANGUAGES_BY_MUNICIPALITY.get(m_code, "fi"),
                        opening_info_fi="ma–pe 8–16",
                        opening_info_sv="mån–fre 8–16",
                        opening_info_en="Mon–Fri 8am–4pm",
                        phone=f"029 123 4{len(units):03d}",
                    )
                )
    # Every regular service publishes its promise (seed 000: "julkinen palvelulupaus").
    ServicePromise.objects.bulk_create(
        ServicePromise(
            service=service,
            days_to_answer=14,
            text_fi="Vastaamme jokaiseen palautteeseen kahden viikon kuluessa.",
            text_sv="Vi svarar på all respons inom två veckor.",
            text_en="We answer all feedback within two weeks.",
        )
        for service in Service.objects.filter(area__organiser=organiser)
    )
    emergency_area = ServiceArea.objects.create(
        organiser=organiser, name_fi="Päivystys", name_sv="Jour", name_en="Emergency care"
    )
    emergency = Service.objects.create(
        area=emergency_area,
        name_fi="Yhteispäivystys",
        name_sv="Samjour",
        name_en="Emergency department",
    )
    units.append(
        Unit(
            code="PAJ",
            service=emergency,
            producer=county,
            name_fi="Järvilaakson yhteispäivystys",
            name_sv="Sjödals samjour",
            name_en="Järvilaakso emergency department",
            street_address="Sairaalantie 1",
            postal_code="41100",
            municipality=municipalities["901"],
            languages="fi,sv,en",
            opening_info_fi="auki aina",
            opening_info_sv="öppet dygnet runt",
            opening_info_en="open around the clock",
            phone="116 117",
        )
    )
    Unit.objects.bulk_create(units)
    health_station = Unit.objects.get(name_fi="Järvilaakso terveysasema")
    created = []
    for demo in DEMO_USERS:
        user = User.objects.create_user(
            username=demo.username,
            password=DEMO_PASSWORD,
            first_name=demo.first_name,
            last_name=demo.last_name,
            email=f"{demo.username}@jarvilaakso.example",
            preferred_language=demo.language,
        )
        if demo.role in (Role.STAFF, Role.UNIT_MANAGER):
            assign_role(user=user, role=demo.role, unit=health_station)
        elif demo.role == Role.PRODUCER_CONTACT:
            assign_role(user=user, role=demo.role, producer=health_station.producer)
        elif demo.role:
            assign_role(user=user, role=demo.role)
        if demo.role and demo.role != Role.EXPERT:
            TOTPDevice.objects.create(user=user, name="demo", confirmed=True)
        created.append(demo)
    build_decision_bodies(organiser)
    return created
