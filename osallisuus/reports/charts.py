"""Accessible SVG charts drawn on the server: a title, a description and a data table beside.

No JavaScript and no inline styles (CSP): colours are presentation attributes. The numbers are
also in the table next to each chart, which is what a screen reader user reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import count

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR = "#1d5c8c"
AXIS = "#4a4a4a"
TEXT = "#1a1a1a"
# Longest bar label shown whole; a longer one is cut with an ellipsis to fit the label column.
LABEL_CHARS = 32
_ids = count(1)


def _frame(width: int, height: int, title: str, desc: str, body: str) -> SafeString:
    n = next(_ids)
    return mark_safe(  # noqa: S308 (every text below is escaped)
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="chart-title-{n} chart-desc-{n}" focusable="false" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="chart-title-{n}">{escape(title)}</title>'
        f'<desc id="chart-desc-{n}">{escape(desc)}</desc>{body}</svg>'
    )


def column_chart(
    items: Sequence[tuple[str, int]], *, title: str, desc: str, height: int = 220
) -> SafeString:
    """Vertical bars, e.g. feedback per month; labels under the bars, values on top."""
    slot = 56
    left, bottom, top = 8, 40, 24
    width = left * 2 + slot * max(len(items), 1)
    peak = max((v for _l, v in items), default=0) or 1
    plot = height - bottom - top
    parts = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - left}" y2="{height - bottom}" '
        f'stroke="{AXIS}" stroke-width="1"/>'
    ]
    for index, (label, value) in enumerate(items):
        bar = round(plot * value / peak)
        x = left + index * slot + 8
        y = height - bottom - bar
        parts.append(
            f'<rect x="{x}" y="{y}" width="{slot - 16}" height="{bar}" fill="{BAR}"/>'
            f'<text x="{x + (slot - 16) / 2}" y="{y - 6}" text-anchor="middle" '
            f'font-size="13" fill="{TEXT}">{value}</text>'
            f'<text x="{x + (slot - 16) / 2}" y="{height - bottom + 18}" text-anchor="middle" '
            f'font-size="12" fill="{TEXT}">{escape(label)}</text>'
        )
    return _frame(width, height, title, desc, "".join(parts))


def bar_chart(items: Sequence[tuple[str, int]], *, title: str, desc: str) -> SafeString:
    """Horizontal bars with the label on the left and the value at the end of the bar."""
    row, label_width, width = 30, 230, 620
    height = row * max(len(items), 1) + 10
    peak = max((v for _l, v in items), default=0) or 1
    room = width - label_width - 60
    parts = []
    for index, (label, value) in enumerate(items):
        y = 5 + index * row
        bar = round(room * value / peak)
        short = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 19}" text-anchor="end" font-size="13" '
            f'fill="{TEXT}">{escape(short)}</text>'
            f'<rect x="{label_width}" y="{y + 4}" width="{bar}" height="{row - 10}" '
            f'fill="{BAR}"/>'
            f'<text x="{label_width + bar + 6}" y="{y + 19}" font-size="13" '
            f'fill="{TEXT}">{value}</text>'
        )
    return _frame(width, height, title, desc, "".join(parts))
