"""The organiser (a wellbeing services county), its service areas, services, units and producers."""
