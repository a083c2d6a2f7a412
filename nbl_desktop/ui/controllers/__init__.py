"""What the menus and the toolbar do, one area per module, beside the pages that show.

Each controller gets the parts it needs (the event session, the task runner,
the window as parent of its dialogs) and says what happened through `said`.
"""
