"""Osallisuus: client and resident participation platform for wellbeing services counties."""
