"""NBL Desktop: the offline organizer's application for B2B speed-meeting events."""

__version__ = "0.1.0"
APP_NAME = "NBL Desktop"
