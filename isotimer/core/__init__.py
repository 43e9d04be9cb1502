"""The terminal-free core: what a session is and what should happen at time t.

Sub-packages: ``session`` (what a session is), ``run`` (a run as it happens), ``history`` (what
was done), ``coach`` (today's targets), ``programme`` (weeks of training), ``fit`` (a run as a
FIT activity), ``text`` (words and times for people); ``clock`` is the only reader of clocks.
No module here imports Textual, Rich, storage, the UI or an I/O module (import contracts in
``pyproject.toml``).
"""
