"""Demo feedback for the fictional county: about 1,500 items over the past 14 months.

Comments are composed from short sentences written for this demo in Finnish, Swedish and
English, labelled with the themes the text analysis gives them, and stored in bulk so the seed
stays quick. Deterministic for a given day: one fixed random seed.
This month the Järvilaakso health station has a run of comments about its premises (a lift out
of order during a renovation), so the dashboards and `feedback_trends` show a rising theme.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from osallisuus.organisation.models import Unit

from .models import (
    Answer,
    Channel,
    Feedback,
    QuestionSet,
    QuestionType,
    ReplyTemplate,
    Status,
    StatusEvent,
)
from .reply_codes import REPLY_CODE_ALPHABET

ITEMS = 1500
MONTHS = 14
RISING_UNIT = "Järvilaakso terveysasema"
RISING_ITEMS = 24

# (language, sentiment) → (sentence, themes). Written for the demo; the theme labels are what
# the text analysis gives, checked by hand, so the seed need not load the lemmatiser's
# dictionaries (seconds per language) just to label sixty sentences.
AW, BD, SA, CQ, INF = (
    "access_waiting",
    "booking_digital",
    "staff_attitude",
    "care_quality",
    "information",
)
CC, FA, COST, LANG, OUT = (
    "continuity_coordination",
    "facilities_accessibility",
    "costs_billing",
    "language_interpretation",
    "outcome_help",
)
SENTENCES: dict[tuple[str, str], list[tuple[str, tuple[str, ...]]]] = {
    ("fi", "positive"): [
        ("Sain ajan nopeasti ja asia hoitui kerralla.", (AW,)),
        ("Hoitaja oli ystävällinen ja ammattitaitoinen.", (SA, CQ)),
        ("Lääkäri kuunteli ja selitti hoidon hyvin.", (SA, INF)),
        ("Ajanvaraus netissä toimi helposti.", (BD,)),
        ("Kotihoidon hoitajat tulevat ajallaan ja ovat aina iloisia.", (SA, CC)),
        ("Sain selkeät ohjeet jatkohoidosta.", (INF, CC)),
        ("Hammashoitaja oli tosi rauhallinen, ei jännittänyt yhtään.", (SA,)),
        ("Neuvolassa meitä kohdeltiin lämpimästi ja kiireettä.", (SA,)),
        ("Kiitos, että sain asioida ruotsiksi.", (LANG,)),
        ("Apu tuli juuri silloin kun sitä tarvittiin.", (OUT,)),
    ],
    ("fi", "negative"): [
        ("Jonotin puhelimessa tunnin eikä kukaan soittanut takaisin.", (AW,)),
        ("Ajanvaraus netissä ei toiminut.", (BD,)),
        ("Lääkärille pääsi vasta kolmen viikon päästä.", (AW,)),
        ("Kotihoidon hoitajat vaihtuvat koko ajan, eikä kukaan tiedä mitä on sovittu.", (INF, CC)),
        ("Lasku tuli kahteen kertaan ja selvittäminen kesti viikkoja.", (COST,)),
        ("Kukaan ei kertonut, miksi vastaanotto oli myöhässä.", (AW, INF)),
        ("Tuntui ettei minua kuunneltu ollenkaan.", (SA,)),
        ("Odotushuone oli täynnä ja ilma tunkkainen.", (FA,)),
        ("Tulkkia ei ollut varattu, vaikka pyysin sitä etukäteen.", (LANG,)),
        ("Lähete hukkui jonnekin ja jouduin aloittamaan alusta.", (CC,)),
    ],
    ("sv", "positive"): [
        ("Personalen var vänlig och lyssnade.", (SA,)),
        ("Jag fick en tid snabbt och allt gick smidigt.", (AW,)),
        ("Läkaren förklarade behandlingen tydligt.", (INF,)),
        ("Det var skönt att få service på svenska.", (LANG,)),
        ("Hemvården kommer alltid i tid.", (CC,)),
        ("Tidsbokningen på nätet fungerade bra.", (BD,)),
    ],
    ("sv", "negative"): [
        ("Fick vänta tre veckor på en tid.", (AW,)),
        ("Ingen ringde tillbaka fast jag lämnade ett meddelande.", (AW,)),
        ("Jag fick ingen service på svenska.", (LANG,)),
        ("Fakturan var fel och ingen svarade på mina frågor.", (COST,)),
        ("Det var svårt att hitta ingången.", (FA,)),
        ("Det kom en ny vårdare varje gång.", (CC,)),
    ],
    ("en", "positive"): [
        ("The nurse was kind and explained everything clearly.", (SA, INF)),
        ("I got an appointment the same day.", (AW,)),
        ("The doctor listened to me and took my worries seriously.", (SA,)),
        ("Booking online was quick and easy.", (BD,)),
        ("Thank you for the help, it really made a difference.", (OUT,)),
    ],
    ("en", "negative"): [
        ("I waited on the phone for an hour and nobody called back.", (AW,)),
        ("The bill was wrong and nobody answered my email about it.", (COST,)),
        ("Nobody told me what happens next with my referral.", (INF, CC)),
        ("There was no interpreter although I had asked for one.", (LANG,)),
        ("The waiting time for an appointment was far too long.", (AW,)),
    ],
}
RISING_SENTENCES: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "fi": [
        ("Hissi oli rikki koko viikon, eikä rollaattorilla päässyt toiseen kerrokseen.", (FA,)),
        ("Remontin takia sisäänkäynti on hankala ja pysäköintipaikkoja ei ole.", (FA,)),
        ("Portaat ovat nyt ainoa reitti ylös, pyörätuolilla ei pääse vastaanotolle.", (FA,)),
        ("Sisäänkäynti on remontin vuoksi siirretty, eikä opasteita ole.", (FA, INF)),
    ],
    "sv": [("Hissen var trasig och jag kom inte upp med rullatorn.", (FA,))],
    "en": [("The entrance is blocked by the renovation and the lift is broken.", (FA,))],
}
CHANNEL_WEIGHTS = [
    (Channel.WEB, 30),
    (Channel.QR, 25),
    (Channel.KIOSK, 25),
    (Channel.PHONE, 5),
    (Channel.PAPER, 5),
    (Channel.EMAIL, 5),
    (Channel.SMS, 3),
    (Channel.API, 2),
]
PUBLIC_TEXTS = {
    Status.ANSWERED: "Kiitos palautteestasi. Olemme käsitelleet sen yksikön kokouksessa.",
    Status.ACTION_PLANNED: "Palautteesi perusteella suunnittelemme muutosta toimintaan.",
    Status.CHANGE_MADE: "Palautteesi perusteella muutimme käytäntöä: asia on nyt korjattu.",
    Status.NO_CHANGE: "Emme voi muuttaa tätä nyt, koska tilat ovat vuokralla; kerromme lisää.",
}


def _reply_codes(rng: random.Random, n: int) -> list[str]:
    taken = set(Feedback.objects.values_list("reply_code", flat=True))
    codes: list[str] = []
    while len(codes) < n:
        raw = "".join(rng.choice(REPLY_CODE_ALPHABET) for _ in range(8))
        code = f"{raw[:4]}-{raw[4:]}"
        if code not in taken:
            taken.add(code)
            codes.append(code)
    return codes


def _language(unit: Unit, rng: random.Random) -> str:
    languages = [lang for lang in unit.languages.split(",") if lang in ("fi", "sv", "en")]
    if "sv" in languages and languages[0] == "sv":
        return rng.choices(["sv", "fi"], [80, 20])[0]
    if "sv" in languages:
        return rng.choices(["fi", "sv", "en"], [75, 18, 7])[0]
    return rng.choices(["fi", "sv", "en"], [92, 5, 3])[0]


def _comment(language: str, sentiment: str, rng: random.Random) -> tuple[str, list[str]]:
    """A comment of one or two sentences and the union of their themes."""
    if sentiment == "mixed":
        picked = [
            rng.choice(SENTENCES[(language, "positive")]),
            rng.choice(SENTENCES[(language, "negative")]),
        ]
    else:
        picked = rng.sample(SENTENCES[(language, sentiment)], k=rng.choice([1, 1, 2]))
    themes = sorted({theme for _text, labels in picked for theme in labels})
    return " ".join(text for text, _labels in picked), themes


def _scores(mood: str, rng: random.Random) -> tuple[int, int]:
    """A 1–5 score and a 0–10 recommendation that agree with the mood."""
    if mood == "positive":
        return rng.choices([3, 4, 5], [10, 35, 55])[0], rng.choices(
            range(6, 11), [5, 10, 20, 30, 35]
        )[0]
    if mood == "negative":
        return rng.choices([1, 2, 3], [40, 40, 20])[0], rng.choices(
            range(0, 8), [15, 10, 15, 15, 15, 15, 10, 5]
        )[0]
    return rng.choices([2, 3, 4, 5], [15, 35, 35, 15])[0], rng.choices(
        range(3, 11), [5, 5, 10, 15, 20, 20, 15, 10]
    )[0]


# Reply templates staff can start from (the title is what staff see in the list).
DEMO_REPLY_TEMPLATES = (
    (
        "Kiitos palautteesta",
        "Kiitos, että kerroit kokemuksestasi. Palautteesi on luettu ja käsitelty yksikön tiimissä.",
        "Tack för att du berättade om din upplevelse. Din respons har lästs och behandlats "
        "i enhetens team.",
        "Thank you for telling us about your experience. Your feedback has been read and "
        "discussed by the unit's team.",
    ),
    (
        "Odotusajat",
        "Pahoittelemme pitkää odotusta. Seuraamme jonotilannetta viikoittain ja lisäämme "
        "puhelinpalveluun henkilökuntaa ruuhka-aikoina.",
        "Vi beklagar den långa väntan. Vi följer kösituationen varje vecka och ökar "
        "personalen i telefontjänsten under rusningstider.",
        "We are sorry for the long wait. We follow the queues every week and add staff to "
        "the phone service at busy times.",
    ),
    (
        "Muutos tehty palautteen perusteella",
        "Palautteesi perusteella teimme muutoksen. Kiitos, että autoit parantamaan palveluamme.",
        "Vi har gjort en ändring utifrån din respons. Tack för att du hjälpte oss att "
        "förbättra tjänsten.",
        "We made a change based on your feedback. Thank you for helping us improve the service.",
    ),
)


@transaction.atomic
def seed_demo_data() -> None:
    """Create the demo reply templates and feedback once (skipped when feedback exists)."""
    for title, text_fi, text_sv, text_en in DEMO_REPLY_TEMPLATES:
        ReplyTemplate.objects.get_or_create(
            title=title, defaults={"text_fi": text_fi, "text_sv": text_sv, "text_en": text_en}
        )
    if Feedback.objects.exists():
        return
    units = list(Unit.objects.select_related("service").order_by("code"))
    if not units:
        return
    rng = random.Random(20261123)  # noqa: S311 (demo data, not security)
    question_set = (
        QuestionSet.objects.filter(is_default=True, active=True).order_by("-version").first()
    )
    questions = list(question_set.questions.all()) if question_set else []
    scale_questions = [q for q in questions if q.type == QuestionType.SCALE5]
    nps_question = next((q for q in questions if q.type == QuestionType.NPS), None)
    rising_unit = next((u for u in units if u.name_fi == RISING_UNIT), units[0])
    # Health stations and the emergency department hear the most; weight them up.
    weights = [
        5
        if u.service.name_fi == "Terveysasemat" or u.code == "PAJ"
        else 2
        if u.service.name_fi == "Hammashoitolat"
        else 1
        for u in units
    ]
    now = timezone.now()
    start = now - timedelta(days=30 * MONTHS)
    span = (now - start).total_seconds()
    response = timedelta(days=settings.FEEDBACK_RESPONSE_DAYS)
    plans: list[dict[str, Any]] = []
    for index in range(ITEMS + RISING_ITEMS):
        rising = index >= ITEMS
        if rising:
            unit = rising_unit
            month_start = timezone.localtime(now).replace(
                day=1, hour=0, minute=0, second=0, microsecond=0
            )
            received = month_start + (now - month_start) * rng.random()
        else:
            unit = rng.choices(units, weights)[0]
            # Slightly more feedback in recent months: the QR posters spread.
            received = start + timedelta(seconds=span * (rng.random() ** 0.85))
        language = _language(unit, rng)
        mood = (
            "negative"
            if rising
            else rng.choices(["positive", "negative", "mixed", "neutral"], [50, 30, 12, 8])[0]
        )
        text, themes = "", []
        if rising:
            text, labels = rng.choice(RISING_SENTENCES[language])
            themes = list(labels)
        elif mood != "neutral" and rng.random() < 0.6:
            text, themes = _comment(language, mood, rng)
        channel = rng.choices([c for c, _w in CHANNEL_WEIGHTS], [w for _c, w in CHANNEL_WEIGHTS])[0]
        score, nps = _scores(mood, rng)
        plans.append(
            {
                "unit": unit,
                "received": received,
                "language": language,
                "text": text,
                "themes": themes,
                "sentiment": mood if text else "",
                "channel": channel,
                "score": score,
                "nps": nps,
                "mashing": channel == Channel.KIOSK and rng.random() < 0.02,
                "extra_scores": [
                    max(1, min(5, score + rng.choice([-1, 0, 0, 1]))) for _q in scale_questions[1:]
                ],
            }
        )
    codes = _reply_codes(rng, len(plans))
    items: list[Feedback] = []
    for plan, code in zip(plans, codes, strict=True):
        text = plan["text"]
        status, steps = _handle(plan, rng, now)
        plan["steps"] = steps
        items.append(
            Feedback(
                status=status,
                reply_code=code,
                unit=plan["unit"],
                question_set=question_set,
                channel=plan["channel"],
                language=plan["language"],
                text=text,
                received_at=plan["received"],
                due_at=plan["received"] + response,
                publish_consent=bool(text) and rng.random() < 0.3,
                themes=plan["themes"],
                sentiment=plan["sentiment"],
                urgent=False,
                # The demo sentences hold no personal data: the redacted text is the text.
                redacted_text=text,
                suspected_mashing=plan["mashing"],
                overall_score=plan["score"] if scale_questions else None,
                # Labelled above as the analysis labels them: no second reading to come.
                second_reading_pending=False,
            )
        )
    Feedback.objects.bulk_create(items, batch_size=500)
    answers: list[Answer] = []
    events: list[StatusEvent] = []
    for item, plan in zip(items, plans, strict=True):
        if scale_questions:
            answers.append(
                Answer(feedback=item, question=scale_questions[0], value_int=plan["score"])
            )
            answers.extend(
                Answer(feedback=item, question=q, value_int=v)
                for q, v in zip(scale_questions[1:], plan["extra_scores"], strict=True)
            )
        if nps_question is not None:
            answers.append(Answer(feedback=item, question=nps_question, value_int=plan["nps"]))
        events.append(StatusEvent(feedback=item, at=item.received_at, status=Status.RECEIVED))
        events.extend(
            StatusEvent(feedback=item, at=at, status=step, public_text=PUBLIC_TEXTS[step])
            for at, step in plan["steps"]
        )
    Answer.objects.bulk_create(answers, batch_size=2000)
    StatusEvent.objects.bulk_create(events, batch_size=2000)


def _handle(
    plan: dict[str, Any], rng: random.Random, now: datetime
) -> tuple[str, list[tuple[datetime, str]]]:
    """Answer most comments (most in time) and turn some into changes: (status, steps)."""
    received: datetime = plan["received"]
    if plan["mashing"] or not plan["text"]:
        return (Status.RECEIVED if rng.random() < 0.5 else Status.CLOSED), []
    if now - received < timedelta(days=2) or rng.random() < 0.12:
        return Status.RECEIVED, []
    days = rng.choices([2, 5, 9, 13, 20, 30], [20, 25, 20, 15, 12, 8])[0]
    answered_at = received + timedelta(days=days, hours=rng.randint(1, 8))
    if answered_at > now:
        return Status.IN_PROGRESS, []
    step = rng.choices([Status.ANSWERED, Status.ACTION_PLANNED, Status.NO_CHANGE], [70, 20, 10])[0]
    steps = [(answered_at, str(step))]
    if step == Status.ACTION_PLANNED:
        changed_at = answered_at + timedelta(days=rng.randint(10, 40))
        if changed_at < now and rng.random() < 0.7:
            steps.append((changed_at, str(Status.CHANGE_MADE)))
    return steps[-1][1], steps
