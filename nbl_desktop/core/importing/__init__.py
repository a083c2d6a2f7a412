"""Reading registration files into an event."""
