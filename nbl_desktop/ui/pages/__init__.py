"""The window's pages: each tab a widget of its own, built from its parts and the session."""
