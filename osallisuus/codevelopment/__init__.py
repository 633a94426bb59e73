"""Co-development projects, stages, workshops, shared boards and the decision trail."""
