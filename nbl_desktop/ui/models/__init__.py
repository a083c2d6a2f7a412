"""Qt item models: thin adaptors over the core's immutable records."""
