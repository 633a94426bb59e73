"""The feedback theme taxonomy, loaded once from the YAML file shipped with this app."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

TAXONOMY_PATH = Path(__file__).resolve().parent / "data" / "feedback-themes.yaml"


@dataclass(frozen=True, slots=True)
class Theme:
    """One theme id with its labels in the three service languages."""

    id: str
    fi: str
    sv: str
    en: str
    covers: str

    def label(self, lang: str) -> str:
        """Return the label in `lang` (fi, sv or en), falling back to Finnish."""
        return {"fi": self.fi, "sv": self.sv, "en": self.en}.get(lang, self.fi)


@cache
def load_themes() -> tuple[Theme, ...]:
    """Read the taxonomy YAML; cached because the file never changes while running."""
    with TAXONOMY_PATH.open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    return tuple(
        Theme(
            id=str(item["id"]),
            fi=str(item["fi"]),
            sv=str(item["sv"]),
            en=str(item["en"]),
            covers=str(item.get("covers", "")),
        )
        for item in raw["themes"]
    )


@cache
def load_sentiments() -> tuple[str, ...]:
    """Return the sentiment labels in the order the taxonomy lists them."""
    with TAXONOMY_PATH.open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    return tuple(str(label) for label in raw["sentiments"])


def theme_ids() -> tuple[str, ...]:
    """Return every theme id, in taxonomy order."""
    return tuple(theme.id for theme in load_themes())


def theme_label(theme_id: str, lang: str = "fi") -> str:
    """Return the human label of one theme in `lang`; raise KeyError for an unknown id."""
    for theme in load_themes():
        if theme.id == theme_id:
            return theme.label(lang)
    raise KeyError(theme_id)
