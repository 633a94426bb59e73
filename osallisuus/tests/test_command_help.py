"""Every management command of the project answers `--help` (an operator's first step): a lazy
translation as the command's help once made argparse crash with a traceback."""

from __future__ import annotations

import pytest
from django.core.management import get_commands, load_command_class

OURS = sorted(
    (app, name) for name, app in get_commands().items() if str(app).startswith("osallisuus")
)


def test_the_project_has_commands_to_check() -> None:
    assert ("osallisuus.analysis", "analyse_text") in OURS


@pytest.mark.parametrize(("app", "name"), OURS)
def test_help_is_formatted(app: str, name: str) -> None:
    command = load_command_class(app, name)
    text = command.create_parser("manage.py", name).format_help()
    assert name in text
    assert command.help.strip() and command.help.strip()[:20] in " ".join(text.split())
