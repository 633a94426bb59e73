"""Finnish and Swedish are complete, and the compiled catalogues match the sources."""

import ast
import gettext
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
LOCALE = PROJECT / "locale"
# Apps with their own catalogue (osallisuus/<app>/locale/); the rest share osallisuus/locale/.
APP_CATALOGUES = sorted(PROJECT.glob("*/locale"))


def catalogues(language: str) -> list[Path]:
    return [
        folder / language / "LC_MESSAGES" / "django.po"
        for folder in [LOCALE, *APP_CATALOGUES]
        if (folder / language / "LC_MESSAGES" / "django.po").exists()
    ]


def read_po(path: Path) -> dict[str, str]:
    """msgid → msgstr (plural entries keyed by their singular, first form), fuzzy marked '#F'."""
    entries: dict[str, str] = {}
    msgid = msgstr = None
    field = None
    fuzzy = False

    def flush() -> None:
        if msgid:
            entries[msgid] = "#F" if fuzzy else (msgstr or "")

    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            flush()
            msgid = msgstr = field = None
            fuzzy = False
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("msgid "):
            msgid, field = ast.literal_eval(line[6:]), "id"
        elif line.startswith("msgid_plural "):
            field = "plural"
        elif line.startswith(("msgstr ", "msgstr[0] ")):
            msgstr, field = ast.literal_eval(line.split(" ", 1)[1]), "str"
        elif line.startswith("msgstr["):
            field = "other"
        elif line.startswith('"'):
            if field == "id":
                msgid = (msgid or "") + ast.literal_eval(line)
            elif field == "str":
                msgstr = (msgstr or "") + ast.literal_eval(line)
    return entries


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_string_is_translated(language):
    assert len(read_po(LOCALE / language / "LC_MESSAGES" / "django.po")) > 100
    for path in catalogues(language):
        entries = read_po(path)
        untranslated = [msgid for msgid, text in entries.items() if not text or text == "#F"]
        assert not untranslated, f"{path}: {untranslated[:10]}"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_compiled_catalogue_matches_the_source(language):
    for path in catalogues(language):
        with path.with_suffix(".mo").open("rb") as handle:
            compiled = gettext.GNUTranslations(handle)
        stale = [
            msgid
            for msgid, text in read_po(path).items()
            if "%(" not in msgid and compiled.gettext(msgid) != text
        ]
        assert not stale, f"run `make messages` ({path}): {stale[:5]}"
