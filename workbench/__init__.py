"""workbench: verify news claims from the terminal.

This module holds the version only and imports nothing else, so `workbench --help` and
`workbench extract` start without loading Textual or the database layer.
"""

__version__ = "0.1.0"
