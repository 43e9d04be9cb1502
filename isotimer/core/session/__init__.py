"""What a session is: exercises, holds and sessions (``model``), the timed steps a run
follows (``plan``), and the editable mirror of a session file (``draft``)."""
