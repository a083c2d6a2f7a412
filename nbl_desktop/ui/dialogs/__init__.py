"""Dialogs: windows that ask the organizer something and then close."""
