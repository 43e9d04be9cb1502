"""Session files and the library: the ``catalog`` of everything runnable, the exercise
``library``, ``loader`` with line-precise validation, ``writer``, and ``drafts`` for the editor."""
