"""The service layer: every read and write of the database, as plain functions over a Session.

Callers own the transaction (`with db.transaction() as session:`); services never commit, so one
ingest of one source, or one verdict with its history event, is all-or-nothing.
"""
