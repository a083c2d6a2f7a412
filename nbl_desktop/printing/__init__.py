"""Paper: paints the pages of `core.printouts` with QPainter onto a PDF file or a printer.

Qt's painting (QtGui) only, never widgets: the command line prints without a
window, and the desktop app hands in its QPrinter or preview.
"""
