"""Partner search before the event: whom each company should meet, and why."""
