"""Matters carried by a named person to a decision-making body or office-holder, and decisions."""
