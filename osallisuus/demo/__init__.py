"""Demo data: a fictional bilingual county with units, producers and one user per role."""
