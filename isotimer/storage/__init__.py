"""File-backed parts: session and library loading, history, settings (no Textual)."""
