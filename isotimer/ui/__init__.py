"""The Textual interface: the app, its screens and widgets (the only package importing Textual)."""
