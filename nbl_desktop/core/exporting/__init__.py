"""Writing the event's schedule and forms to files."""
