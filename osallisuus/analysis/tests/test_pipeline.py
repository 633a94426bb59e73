"""Behaviour of the plain analysis modules; none of these tests needs Django."""

from __future__ import annotations

from osallisuus.analysis.language import detect_language
from osallisuus.analysis.personal_data import find_personal_data, is_valid_hetu, redact
from osallisuus.analysis.pipeline import analyse
from osallisuus.analysis.taxonomy import theme_ids, theme_label


def test_taxonomy_exposes_the_twelve_theme_ids_with_labels_in_three_languages() -> None:
    assert len(theme_ids()) == 12
    assert theme_label("access_waiting", "sv") == "Tillgång till tjänster och väntetider"


def test_language_is_detected_for_finnish_swedish_and_english() -> None:
    assert detect_language("Hoitaja oli tosi ystävällinen ja kuunteli minua.") == "fi"
    assert detect_language("Personalen var mycket vänlig och jag fick hjälp direkt.") == "sv"
    assert detect_language("The nurse was kind and listened to me.") == "en"


def test_inflected_finnish_compounds_map_to_access_and_booking() -> None:
    result = analyse("Jonotusajat olivat pitkät ja ajanvarauksessa oli jotain vikaa.")
    assert "access_waiting" in result.themes
    assert "booking_digital" in result.themes


def test_home_care_staff_changing_all_the_time_is_continuity() -> None:
    result = analyse("Kotihoidon hoitajat vaihtuvat joka päivä, kukaan ei tunne äitiä.")
    assert "continuity_coordination" in result.themes


def test_colloquial_callback_complaint_is_negative_waiting() -> None:
    result = analyse("mä odotin koko päivän eikä kukaan soittanut takas")
    assert "access_waiting" in result.themes
    assert result.sentiment == "negative"


def test_praise_is_positive_and_negated_praise_is_negative() -> None:
    assert analyse("Palvelu oli hyvää ja ystävällistä.").sentiment == "positive"
    assert analyse("Palvelu ei ollut hyvää eikä ystävällistä.").sentiment == "negative"


def test_negated_complaint_reads_as_praise() -> None:
    assert analyse("Ei mitään valittamista, kaikki sujui.").sentiment == "positive"


def test_praise_and_complaint_joined_by_but_is_mixed() -> None:
    result = analyse("Lääkäri oli tosi ystävällinen, mutta odotin vastaanotolla kaksi tuntia.")
    assert result.sentiment == "mixed"


def test_plain_question_is_neutral() -> None:
    assert analyse("Miten asiakasmaksu lasketaan kotihoidossa?").sentiment == "neutral"


def test_swedish_comment_gets_themes_and_sentiment() -> None:
    result = analyse("Vi fick vänta tre timmar på jouren och ingen förklarade varför.")
    assert result.lang == "sv"
    assert "access_waiting" in result.themes
    assert result.sentiment == "negative"


def test_english_comment_gets_themes_and_sentiment() -> None:
    result = analyse("The interpreter never showed up and the doctor was rude to my mother.")
    assert result.lang == "en"
    assert {"language_interpretation", "staff_attitude"} <= set(result.themes)
    assert result.sentiment == "negative"


def test_threat_of_self_harm_is_urgent() -> None:
    assert analyse("En jaksa enää elää, haluan kuolla.").urgent


def test_missed_medication_and_fall_at_home_is_urgent() -> None:
    text = "Isän lääkkeet jäi antamatta eilen ja tänään hän kaatui kotona ja on ihan sekava."
    assert analyse(text).urgent


def test_english_abuse_report_is_urgent() -> None:
    assert analyse("A carer hit my father and he has bruises on his arms.").urgent


def test_app_crash_is_not_a_fall() -> None:
    result = analyse("Sovellus kaatuu aina kun yritän kirjautua.")
    assert not result.urgent
    assert "booking_digital" in result.themes
    assert "safety" not in result.themes


def test_ordinary_complaint_is_not_urgent() -> None:
    assert not analyse("Parkkipaikkoja on liian vähän ja lasku tuli myöhässä.").urgent


def test_hetu_checksum_accepts_valid_and_rejects_wrong_check_character() -> None:
    assert is_valid_hetu("131052-308T")
    assert not is_valid_hetu("131052-308U")
    assert is_valid_hetu("010594Y9032")  # a new century sign from 2023


def test_hetu_with_wrong_checksum_is_not_reported() -> None:
    assert find_personal_data("Tunnus 131052-308U") == []


def test_phone_email_hetu_spans_have_exact_offsets() -> None:
    text = "Soita 040 123 4567 tai laita viestiä maija.meikalainen@example.fi, hetu 131052-308T."
    spans = {span.type: (span.start, span.end) for span in find_personal_data(text)}
    assert text[slice(*spans["phone"])] == "040 123 4567"
    assert text[slice(*spans["email"])] == "maija.meikalainen@example.fi"
    assert text[slice(*spans["hetu"])] == "131052-308T"


def test_international_phone_number_is_found() -> None:
    text = "Ring mig på +46 70 123 45 67 efter fem."
    spans = find_personal_data(text)
    assert [text[span.start : span.end] for span in spans] == ["+46 70 123 45 67"]


def test_address_and_case_number_spans_have_exact_offsets() -> None:
    text = "Asun osoitteessa Mannerheimintie 12 B 7, asianumero DNRO-2024/118."
    found = {span.type: text[span.start : span.end] for span in find_personal_data(text)}
    assert found["address"] == "Mannerheimintie 12 B 7"
    assert "2024/118" in found["case_number"]


def test_inflected_names_are_found_from_faker_lists_and_role_words() -> None:
    text = "Kiitos hoitaja Pirkolle ja lääkäri Virtaselle, vastaava Kuusela lupasi soittaa."
    names = [text[s.start : s.end] for s in find_personal_data(text) if s.type == "name"]
    assert names == ["Pirkolle", "Virtaselle", "Kuusela"]


def test_ordinary_capitalised_words_are_not_names() -> None:
    assert find_personal_data("Aina sama juttu. Kela ohjasi minut takaisin.") == []


def test_redaction_replaces_every_span_with_its_placeholder() -> None:
    text = "Matti Korhonen, puh. 050 765 4321."
    result = analyse(text)
    assert result.redacted == "[NAME], puh. [PHONE]."
    assert redact(text, list(result.pii)) == result.redacted


def test_as_dict_has_offsets_but_not_the_personal_data_itself() -> None:
    data = analyse("Soittakaa 044 765 2291").as_dict()
    assert data["pii"] == [{"start": 10, "end": 22, "type": "phone"}]
    assert "044" not in str(data)


def test_empty_text_is_neutral_without_themes() -> None:
    result = analyse("")
    assert result.themes == ()
    assert result.sentiment == "neutral"
    assert result.pii == ()
