"""`python manage.py seed_demo`: build the fictional demo county once."""

import importlib
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from osallisuus.demo.county import DEMO_PASSWORD, DEMO_USERS, build_demo_county, demo_exists


def seed_app_demo_data() -> None:
    """Each app may add its own demo data in `osallisuus/<app>/demo.py` with `seed_demo_data()`.

    They run in INSTALLED_APPS order, after the county and its users exist.
    """
    for config in apps.get_app_configs():
        if not config.name.startswith("osallisuus.") or config.name == "osallisuus.demo":
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError:
            continue
        module.seed_demo_data()


class Command(BaseCommand):
    help = "Create the demo county, its units and one user per role (skipped if data exists)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--print-users", action="store_true", help="List the demo sign-in names."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if demo_exists():
            self.stdout.write("Demo data is already loaded; nothing to do.")
        else:
            if not settings.DEBUG:
                raise CommandError("seed_demo builds fictional users; run it only with DEBUG on.")
            build_demo_county()
            seed_app_demo_data()
            self.stdout.write(self.style.SUCCESS("Demo county created."))
        if options["print_users"] and settings.DEBUG:
            self._print_users()

    def _print_users(self) -> None:
        self.stdout.write("")
        self.stdout.write(f"Demo sign-in (password for all: {DEMO_PASSWORD}):")
        for demo in DEMO_USERS:
            role = demo.role or "resident"
            self.stdout.write(f"  {demo.username:<15} {role}")
        self.stdout.write(
            "Staff roles need a one-time code: in this demo it is shown on the code page."
        )
