"""Readers that turn files into Documents: one module per format, no database here."""
