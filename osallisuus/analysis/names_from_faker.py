"""Writes the name lists of ``data/names/`` from the installed Faker; not used at run time.

Run once, and again only on purpose (a new Faker changes which words count as names)::

    python -m osallisuus.analysis.names_from_faker

Each list is the distinct entries of one Faker person provider's ``first_names`` or
``last_names``, sorted by code point, one a line. Faker is a test requirement only;
``tests/test_name_lists.py`` checks that the files still equal what this writes.
"""

from __future__ import annotations

from pathlib import Path

from faker.providers.person.en import Provider as EnglishNames
from faker.providers.person.fi_FI import Provider as FinnishNames
from faker.providers.person.sv_SE import Provider as SwedishNames

# Not imported from names.py, which reads these files when it is imported.
NAMES_DIR = Path(__file__).resolve().parent / "data" / "names"
PROVIDERS: dict[str, type] = {"fi": FinnishNames, "sv": SwedishNames, "en": EnglishNames}
KINDS = ("first", "last")


def target(lang: str, kind: str) -> Path:
    """Where one list is written (the path names.list_file reads)."""
    return NAMES_DIR / f"{lang}-{kind}.txt"


def faker_lists() -> dict[tuple[str, str], list[str]]:
    """(language, "first" or "last") -> Faker's distinct names, sorted."""
    lists: dict[tuple[str, str], list[str]] = {}
    for lang, provider in PROVIDERS.items():
        for kind in KINDS:
            names = sorted({str(name) for name in getattr(provider, f"{kind}_names")})
            for name in names:
                if not name or name.strip() != name or name.splitlines() != [name]:
                    raise ValueError(f"{lang} {kind}: {name!r} cannot be one line of a list")
            lists[lang, kind] = names
    return lists


def main() -> None:
    NAMES_DIR.mkdir(parents=True, exist_ok=True)
    for (lang, kind), names in faker_lists().items():
        target(lang, kind).write_text("".join(f"{name}\n" for name in names), encoding="utf-8")


if __name__ == "__main__":
    main()
