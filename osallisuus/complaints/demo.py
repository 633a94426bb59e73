"""Demo content for the fictional county: the statutory routes' texts, checked against their
sources in December 2026 (each text records its own), and objection settings the county chose.

The texts are the county's content, edited in the admin (Route texts); nothing here is a rule.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from osallisuus.organisation.models import Unit

from .models import Complaint, Holiday, ObjectionPolicy, Route, RouteText
from .services import ObjectionInput, answer_objection, record_handling, submit_objection

CHECKED = date(2026, 12, 7)

TEXTS = [
    {
        "route": Route.FEEDBACK,
        "title_fi": "Palaute",
        "title_sv": "Respons",
        "title_en": "Feedback",
        "body_fi": "Palaute auttaa yksikköä kehittämään palvelua. Voit antaa sen nimettömänä. "
        "Palaute ei ole muistutus, kantelu eikä valitus, eikä se muuta päätöstä.",
        "body_sv": "Respons hjälper enheten att utveckla tjänsten. Du kan ge den anonymt. "
        "Respons är inte en anmärkning, ett klagomål eller ett besvär, och den ändrar inte "
        "ett beslut.",
        "body_en": "Feedback helps the unit to improve its service. You can give it "
        "anonymously. Feedback is not an objection, a complaint or an appeal, and it does not "
        "change a decision.",
        "source": "The county's own text.",
    },
    {
        "route": Route.OBJECTION,
        "title_fi": "Muistutus yksikölle",
        "title_sv": "Anmärkning till enheten",
        "title_en": "Objection to the unit (muistutus)",
        "body_fi": "Jos olet tyytymätön hoitoosi, palveluusi tai kohteluusi, voit tehdä "
        "muistutuksen. Sen voi tehdä myös omainen tai läheinen, jos et itse pysty. "
        "Muistutus tehdään yleensä kirjallisesti. Siihen vastataan kirjallisesti ja "
        "perustellusti kohtuullisessa ajassa. Kirjoita nimesi ja osoite, johon vastaus "
        "lähetetään.",
        "body_sv": "Om du är missnöjd med din vård, din service eller ditt bemötande kan du "
        "göra en anmärkning. En anhörig eller närstående kan göra den om du inte själv kan. "
        "Anmärkningen görs oftast skriftligt. Den besvaras skriftligt och motiverat inom "
        "skälig tid. Skriv ditt namn och adressen dit svaret skickas.",
        "body_en": "If you are unhappy with your care, your service or how you were treated, "
        "you can make an objection. A relative or someone close to you can make it if you "
        "cannot. It is usually made in writing. You get a written answer with reasons within "
        "a reasonable time. Give your name and the address for the answer.",
        "source": "Act on the Status and Rights of Patients 785/1992 § 10 (finlex.fi/fi/laki/"
        "ajantasa/1992/19920785); Act on the Status and Rights of Social Welfare Clients "
        "812/2000 § 23 (finlex.fi/fi/laki/ajantasa/2000/20000812); HE 185/2014 (written answer "
        "with reasons, in a reasonable time).",
    },
    {
        "route": Route.COMPLAINT,
        "title_fi": "Kantelu valvovalle viranomaiselle",
        "title_sv": "Klagomål till tillsynsmyndigheten",
        "title_en": "Complaint to the supervisory authority (kantelu)",
        "body_fi": "Voit kannella hoidosta tai palvelusta valvovalle viranomaiselle. "
        "1.1.2026 alkaen se on Lupa- ja valvontavirasto (lvv.fi), joka hoitaa entisten "
        "aluehallintovirastojen ja Valviran tehtävät. Viranomainen voi siirtää kantelun "
        "yksikön käsiteltäväksi muistutuksena, jos muistutusta ei ole ensin tehty.",
        "body_sv": "Du kan klaga på vården eller servicen hos tillsynsmyndigheten. Från "
        "1.1.2026 är det Tillstånds- och tillsynsverket (lvv.fi), som sköter de tidigare "
        "regionförvaltningsverkens och Valviras uppgifter. Myndigheten kan flytta klagomålet "
        "till enheten som en anmärkning, om ingen anmärkning har gjorts först.",
        "body_en": "You can complain about care or services to the supervisory authority. "
        "Since 1 January 2026 this is the national licensing and supervisory agency "
        "(Lupa- ja valvontavirasto, lvv.fi), which took over the tasks of the former regional "
        "state administrative agencies and Valvira. It may pass a complaint to the unit as an "
        "objection if no objection was made first.",
        "source": "STT Info release 18.12.2025 'Lupa- ja valvontavirasto aloittaa 1.1.2026' "
        "(Valvira and the regional state administrative agencies end); lvv.fi/sv (Swedish "
        "name); HE 185/2014 (complaints under the Administrative Procedure Act 434/2003 "
        "chapter 8 a; transfer to the unit as an objection).",
    },
    {
        "route": Route.RECTIFICATION,
        "title_fi": "Oikaisuvaatimus päätökseen",
        "title_sv": "Begäran om omprövning av ett beslut",
        "title_en": "Request for rectification of a decision",
        "body_fi": "Jos olet saanut kirjallisen päätöksen etkä ole siihen tyytyväinen, voit "
        "pyytää sen korjaamista oikaisuvaatimuksella. Se tehdään kirjallisesti päätöksen "
        "tehneelle viranomaiselle. Kerro, mihin päätökseen haet oikaisua, mitä muutosta "
        "haluat ja miksi. Määräaika on päätöksen ohjeessa; hallintolain mukaan se on "
        "30 päivää päätöksen tiedoksisaannista.",
        "body_sv": "Om du har fått ett skriftligt beslut och inte är nöjd med det kan du "
        "begära omprövning. Begäran görs skriftligt till den myndighet som fattade beslutet. "
        "Berätta vilket beslut det gäller, vilken ändring du vill ha och varför. Tidsfristen "
        "står i anvisningen med beslutet; enligt förvaltningslagen är den 30 dagar från att "
        "du fick del av beslutet.",
        "body_en": "If you got a written decision and are not satisfied with it, you can ask "
        "for it to be corrected with a request for rectification. Make it in writing to the "
        "authority that made the decision. Say which decision, what change you want and why. "
        "The time limit is in the instructions with the decision; under the Administrative "
        "Procedure Act it is 30 days from when you were notified.",
        "source": "Administrative Procedure Act 434/2003 § 49 c (time limit) and § 49 d (form "
        "and content), saadospalvelu.fi/fi/lainsaadanto/pykala/20030434/O2:L7a:P49c and P49d.",
    },
    {
        "route": Route.APPEAL,
        "title_fi": "Valitus hallinto-oikeuteen",
        "title_sv": "Besvär till förvaltningsdomstolen",
        "title_en": "Appeal to the administrative court",
        "body_fi": "Oikaisuvaatimukseen annetusta päätöksestä voi yleensä valittaa "
        "hallinto-oikeuteen. Päätöksen mukana tulee valitusosoitus, jossa kerrotaan, miten ja "
        "mihin mennessä valitetaan.",
        "body_sv": "Ett beslut om omprövning kan oftast överklagas till "
        "förvaltningsdomstolen. Med beslutet kommer en besvärsanvisning som berättar hur och "
        "inom vilken tid du överklagar.",
        "body_en": "A decision on a request for rectification can usually be appealed to the "
        "administrative court. The decision comes with appeal instructions that tell how and "
        "by when to appeal.",
        "source": "Administrative Procedure Act 434/2003 § 46–47 (instructions given with the "
        "decision), saadospalvelu.fi/fi/lainsaadanto/pykala/20030434/O2:L7:P46; HE 230/2014.",
    },
    {
        "route": Route.OMBUDSMAN,
        "title_fi": "Potilasasiavastaava ja sosiaaliasiavastaava neuvovat maksutta",
        "title_sv": "Patientombudet och socialombudet ger gratis råd",
        "title_en": "The patient and social ombudsmen advise for free",
        "body_fi": "Potilasasiavastaava (terveydenhuolto) ja sosiaaliasiavastaava "
        "(sosiaalipalvelut) neuvovat oikeuksissasi maksutta ja auttavat muistutuksen "
        "tekemisessä. He kertovat myös, miten kantelu, oikaisuvaatimus, valitus tai "
        "potilasvahinkoa koskeva korvausvaatimus tehdään.",
        "body_sv": "Patientombudet (hälso- och sjukvård) och socialombudet (socialtjänster) "
        "ger gratis råd om dina rättigheter och hjälper dig att göra en anmärkning. De berättar "
        "också hur du gör ett klagomål, en begäran om omprövning, ett besvär eller ett "
        "ersättningsanspråk för patientskada.",
        "body_en": "The patient ombudsman (health care) and the social ombudsman (social "
        "services) advise you on your rights for free and help you to make an objection. They "
        "also tell you how to make a complaint, a request for rectification, an appeal or a "
        "claim for a patient injury.",
        "source": "Act on patient and social ombudsmen (HE 300/2022; in force 1.1.2024, it "
        "replaced Act 785/1992 § 11 and Act 812/2000 § 24–24 a), valtioneuvosto.fi release "
        "57/2023 and valvira.fi news 27.11.2023.",
    },
]


# The demo complaints officer, made with the county's users (osallisuus/demo/county.py).
OFFICER = "muistutukset"
# Fictional objections: one answered by the officer, one waiting in the register.
OBJECTIONS = [
    {
        "concern": "health",
        "name": "Aino Esimerkki",
        "address": "Koivukuja 3, 99999 Järvilaakso",
        "text": "Lääkäri ei kertonut minulle lääkityksen muutoksesta eikä sen syistä. "
        "Pyydän, että asia selvitetään.",
        "idempotency_key": "demo-objection-1",
        "handling": "Pyydetty selvitys vastaanoton lääkäriltä ja osastonhoitajalta.",
        "answer": "Selvityksen mukaan muutoksesta ei kerrottu ohjeen mukaisesti. Lääkärit on "
        "ohjeistettu kertomaan lääkitysmuutoksista ja kirjaamaan ne potilaalle näkyviin.",
    },
    {
        "concern": "social",
        "name": "Bertil Exempel",
        "address": "Björkgränd 5, 99999 Järvilaakso",
        "text": "Hemvården kom inte på tre dagar och ingen meddelade oss.",
        "idempotency_key": "demo-objection-2",
    },
]


def _objections() -> None:
    officer = get_user_model().objects.filter(username=OFFICER).first()
    unit = Unit.objects.filter(active=True).order_by("pk").first()
    if officer is None or unit is None or Complaint.objects.exists():
        return
    with transaction.atomic():
        for item in OBJECTIONS:
            complaint, _created = submit_objection(
                ObjectionInput(
                    unit=unit,
                    concern=item["concern"],
                    name=item["name"],
                    address=item["address"],
                    text=item["text"],
                    language="sv" if item["concern"] == "social" else "fi",
                    idempotency_key=item["idempotency_key"],
                )
            )
            if "answer" in item:
                # Received two weeks ago, so its answer date can be today.
                Complaint.objects.filter(pk=complaint.pk).update(
                    received_at=timezone.now() - timedelta(days=14)
                )
                complaint.refresh_from_db()
                record_handling(complaint=complaint, by=officer, text=item["handling"])
                answer_objection(
                    complaint=complaint,
                    by=officer,
                    text=item["answer"],
                    answered_on=timezone.localdate(),
                )


# The weekdays off in 2026 and 2027 (public holidays, Christmas Eve and Midsummer Eve), which the
# demo county keeps in its calendar; a county checks the next year's against the almanac.
HOLIDAYS = [
    ("2026-01-01", "Uudenvuodenpäivä"),
    ("2026-01-06", "Loppiainen"),
    ("2026-04-03", "Pitkäperjantai"),
    ("2026-04-06", "2. pääsiäispäivä"),
    ("2026-05-01", "Vappu"),
    ("2026-05-14", "Helatorstai"),
    ("2026-06-19", "Juhannusaatto"),
    ("2026-12-24", "Jouluaatto"),
    ("2026-12-25", "Joulupäivä"),
    ("2027-01-01", "Uudenvuodenpäivä"),
    ("2027-01-06", "Loppiainen"),
    ("2027-03-26", "Pitkäperjantai"),
    ("2027-03-29", "2. pääsiäispäivä"),
    ("2027-05-06", "Helatorstai"),
    ("2027-06-25", "Juhannusaatto"),
    ("2027-12-06", "Itsenäisyyspäivä"),
    ("2027-12-24", "Jouluaatto"),
]


def seed_demo_data() -> None:
    """The route texts, the county's objection settings (taken electronically, 30 days), its
    holiday calendar and two objections in the register of the demo complaints officer."""
    for order, text in enumerate(TEXTS):
        RouteText.objects.update_or_create(
            route=text["route"], defaults={**text, "order": order, "checked_on": CHECKED}
        )
    if not ObjectionPolicy.objects.exists():
        ObjectionPolicy.objects.create(enabled=True, answer_days=30)
    for day, name in HOLIDAYS:
        Holiday.objects.get_or_create(day=day, defaults={"name": name})
    _objections()
