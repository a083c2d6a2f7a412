"""The application's core: event file, import, export, planning. Never imports Qt."""
