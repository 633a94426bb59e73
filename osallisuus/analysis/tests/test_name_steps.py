"""The steps of the name search in personal_data, one rule each, and the walk that joins them."""

from osallisuus.analysis.cues import NAME_CUES
from osallisuus.analysis.personal_data import (
    PiiSpan,
    _add_name,
    _ends_sentence,
    _find_names,
    _is_chained,
    _is_name,
    _is_name_by_context,
    _is_name_by_itself,
    _NameWalk,
    _next_word_is_listed_name,
    _piece_starts,
    find_personal_data,
)
from osallisuus.analysis.tokens import split_pieces


def names_in(text: str) -> list[str]:
    return [span.text for span in find_personal_data(text) if span.type == "name"]


# --- locating the pieces ---------------------------------------------------------------------
def test_each_piece_is_found_at_its_own_place_when_a_word_repeats() -> None:
    text = "Ja ja. Ja\n❤ 040 ja"
    pieces = split_pieces(text)
    found = list(zip(_piece_starts(text, pieces), pieces, strict=True))
    assert all(text[start : start + len(piece)] == piece for start, piece in found)
    assert [start for start, piece in found if piece.lower() == "ja"] == [0, 3, 7, 16]


# --- sentence ends ----------------------------------------------------------------------------
def test_a_full_stop_ends_the_sentence() -> None:
    assert _ends_sentence(".", after_title=False)


def test_the_full_stop_of_a_title_keeps_the_sentence_going() -> None:
    assert not _ends_sentence(".", after_title=True)


def test_an_exclamation_after_a_title_still_ends_the_sentence() -> None:
    assert _ends_sentence("!", after_title=True)


def test_dr_peterson_is_a_name_but_a_capital_after_a_role_word_and_full_stop_is_not() -> None:
    assert names_in("Tapasin Dr. Peterson eilen.") == ["Peterson"]
    assert names_in("Puhuin hoitaja. Peterson sanoi jotain.") == []


# --- chaining -------------------------------------------------------------------------------
def test_a_word_right_after_a_name_or_one_space_on_is_chained_to_it() -> None:
    assert _is_chained(start=12, name_end=11)
    assert _is_chained(start=11, name_end=11)


def test_two_spaces_or_no_name_yet_is_no_chain() -> None:
    assert not _is_chained(start=13, name_end=11)
    assert not _is_chained(start=0, name_end=_NameWalk().name_end)


# --- the next word --------------------------------------------------------------------------
def test_a_listed_name_as_the_next_word_counts_past_punctuation() -> None:
    assert _next_word_is_listed_name(["Toivo", "Virtanen"], 0)
    assert _next_word_is_listed_name(["Toivo", ",", "3", "Virtanen"], 0)


def test_a_lower_case_or_unlisted_next_word_or_none_does_not_count() -> None:
    assert not _next_word_is_listed_name(["Toivo", "virtanen"], 0)
    assert not _next_word_is_listed_name(["Toivo", "vastasi"], 0)
    assert not _next_word_is_listed_name(["Toivo", "."], 0)


# --- a listed name on its own ---------------------------------------------------------------
def test_a_listed_name_mid_sentence_is_a_name() -> None:
    assert _is_name_by_itself("Mervi", "Mervi", sentence_start=False)
    assert names_in("Soitin eilen ja Mervi vastasi.") == ["Mervi"]


def test_an_ambiguous_listed_name_is_never_a_name_on_its_own() -> None:
    assert not _is_name_by_itself("Toivo", "Toivo", sentence_start=False)
    assert names_in("Kävin eilen ja Toivo on kova.") == []


def test_at_a_sentence_start_a_nordic_first_name_counts_unless_it_is_an_ordinary_word() -> None:
    assert _is_name_by_itself("Mervi", "Mervi", sentence_start=True)
    assert not _is_name_by_itself("Inga", "Inga", sentence_start=True)  # Swedish "no"
    assert names_in("Mervi vastasi heti.") == ["Mervi"]
    assert names_in("Inga kommentarer.") == []


# --- an unlisted capital from its context ---------------------------------------------------
def test_an_unlisted_capital_after_a_role_word_is_a_name() -> None:
    walk = _NameWalk(sentence_start=False, after_role=True)
    assert _is_name_by_context("Kuusela", walk=walk, chained=False)
    assert names_in("Soitin ja vastaava Kuusela vastasi.") == ["Kuusela"]


def test_after_a_role_word_a_short_word_or_a_known_non_name_is_not() -> None:
    walk = _NameWalk(sentence_start=False, after_role=True)
    assert not _is_name_by_context("Jo", walk=walk, chained=False)
    assert not _is_name_by_context("I'd", walk=walk, chained=False)
    assert not _is_name_by_context("Helsinki", walk=walk, chained=False)
    assert names_in("I asked the nurse I'd met before.") == []


def test_an_unlisted_capital_chained_to_a_name_is_a_name() -> None:
    assert _is_name_by_context("Peterson", walk=_NameWalk(sentence_start=False), chained=True)
    assert not _is_name_by_context("Peterson", walk=_NameWalk(sentence_start=False), chained=False)


def test_an_unlisted_capital_at_a_sentence_start_is_not_a_name() -> None:
    walk = _NameWalk(sentence_start=True, after_role=True)
    assert not _is_name_by_context("Olemme", walk=walk, chained=True)
    assert names_in("Olemme tyytyväisiä hoitoon.") == []


# --- the whole decision ---------------------------------------------------------------------
def is_name(pieces: list[str], index: int, walk: _NameWalk, start: int = 20) -> bool:
    surface = pieces[index]
    return _is_name(surface, NAME_CUES[surface], start=start, pieces=pieces, index=index, walk=walk)


def test_an_ambiguous_listed_name_needs_a_role_word_or_a_name_beside_it() -> None:
    assert not is_name(["ja", "Toivo", "on"], 1, _NameWalk(sentence_start=False))
    assert is_name(["hoitaja", "Toivo", "on"], 1, _NameWalk(sentence_start=False, after_role=True))
    assert is_name(["ja", "Toivo", "Virtanen"], 1, _NameWalk(sentence_start=False))
    assert is_name(["Mervi", "Toivo"], 1, _NameWalk(sentence_start=False, name_end=19))
    assert names_in("Kiitos hoitaja Toivo.") == ["Toivo"]
    assert names_in("Toivo Virtanen soitti.") == ["Toivo Virtanen"]


def test_an_unlisted_capital_mid_sentence_with_no_context_is_not_a_name() -> None:
    assert not is_name(["Tapasin", "Peterson", "eilen"], 1, _NameWalk(sentence_start=False))
    assert names_in("Tapasin Peterson eilen.") == []


# --- merging --------------------------------------------------------------------------------
def test_adjacent_names_merge_into_one_span() -> None:
    text = "Kiitos Maija Liisa Virtanen!"
    spans: list[PiiSpan] = []
    _add_name(spans, text, 7, 12)
    _add_name(spans, text, 13, 18)
    assert spans == [PiiSpan(7, 18, "name", "Maija Liisa")]
    assert names_in(text) == ["Maija Liisa Virtanen"]


def test_names_further_apart_stay_separate() -> None:
    text = "Maija ja Liisa"
    spans: list[PiiSpan] = []
    _add_name(spans, text, 0, 5)
    _add_name(spans, text, 9, 14)
    assert [span.text for span in spans] == ["Maija", "Liisa"]
    assert [span.text for span in _find_names(text, split_pieces(text))] == ["Maija", "Liisa"]
