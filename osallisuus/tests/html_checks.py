"""What an HTML validator and a screen reader would trip over, checked on any page we render.

Every id named by aria-describedby, aria-labelledby, aria-controls, aria-errormessage or a
label's `for` must exist in the page, and every `<time datetime>` must be a valid HTML date,
time, date-time or duration (at most three decimals of seconds), and a date or time input's
value must be the ISO form the browser accepts. Used by the authorization
matrix, so every page of every role is checked, including forms shown again with errors.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

ID_LIST_ATTRIBUTES = ("aria-describedby", "aria-labelledby", "aria-controls", "aria-errormessage")

_DATE = r"\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
_TIME = r"([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?"
_ZONE = r"(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)"
VALID_DATETIME = re.compile(
    "|".join(
        (
            r"\d{4,}",  # a year
            r"\d{4,}-(0[1-9]|1[0-2])",  # a month
            _DATE,
            r"--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])",  # a yearless date
            _TIME,
            rf"{_DATE}[T ]{_TIME}{_ZONE}?",
            _ZONE,
            r"\d{4,}-W(0[1-9]|[1-4]\d|5[0-3])",  # a week
            r"P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,3})?S)?)?",  # a duration
        )
    )
)


# A browser drops any other value of these inputs (a Finnish "7.12.2026" shows as empty).
INPUT_VALUE = {
    "date": re.compile(_DATE),
    "datetime-local": re.compile(rf"{_DATE}T{_TIME}"),
    "time": re.compile(_TIME),
}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.references: list[tuple[str, str, str]] = []  # (tag, attribute, id)
        self.datetimes: list[str] = []
        self.date_inputs: list[tuple[str, str]] = []  # (type, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        for name in ID_LIST_ATTRIBUTES:
            for target in values.get(name, "").split():
                self.references.append((tag, name, target))
        if tag == "label" and values.get("for"):
            self.references.append((tag, "for", values["for"]))
        if tag == "time" and "datetime" in values:
            self.datetimes.append(values["datetime"])
        if tag == "input" and values.get("type") in INPUT_VALUE and values.get("value"):
            self.date_inputs.append((values["type"], values["value"]))


def html_problems(html: str) -> list[str]:
    """Each dangling id reference and invalid datetime of the page, described."""
    collector = _Collector()
    collector.feed(html)
    problems = [
        f'<{tag} {attribute}="{target}"> names no element'
        for tag, attribute, target in collector.references
        if target not in collector.ids
    ]
    problems += [
        f'<time datetime="{value}"> is not a valid date or time'
        for value in collector.datetimes
        if not VALID_DATETIME.fullmatch(value)
    ]
    problems += [
        f'<input type="{kind}" value="{value}"> is not a value the browser accepts'
        for kind, value in collector.date_inputs
        if not INPUT_VALUE[kind].fullmatch(value)
    ]
    return problems
