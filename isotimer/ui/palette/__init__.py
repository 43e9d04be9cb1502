"""The command palette's entries: ``sessions`` starts a session by name from the picker."""
