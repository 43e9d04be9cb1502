"""A run as it happens: the deadline-based ``engine`` and the ``events`` it tells, what each
event sounds like (``cues``, ``tones``), the breathing ``pacer``, when the screen next changes
(``frames``), what holds and runs count for (``outcomes``) and where a cut-off run resumes
(``resume``)."""
