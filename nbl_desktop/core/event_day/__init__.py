"""The day of the event: what time it is in the schedule, who came, who did not, re-planning
the rest of the day, which meetings were held, and what the desk did when."""
