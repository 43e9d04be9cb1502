"""The history: SQLite store, recorder of a run, export and import."""
