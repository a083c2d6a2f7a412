"""What goes on paper, as plain data: agendas, table cards, the master grid, and the print log.

The pages here hold only text (in the reader's language) and a fingerprint of
that text; `nbl_desktop.printing` paints them, the workbook export writes them.
"""
