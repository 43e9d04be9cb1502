"""The Textual interface (the only package importing Textual).

``app`` is the picker's app, ``editor_app`` the one ``isotimer edit`` opens, both
built on ``base``; ``screens/`` (one screen a module, the run screen a package),
``widgets/`` (one widget a module), ``services/`` (the App's collaborators: the
flows that span screens), ``style/`` (literal text, readable colours) and
``palette/`` (the command palette's entries).
"""
