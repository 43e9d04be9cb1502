"""Sound: which tone or words each moment gets, played off the UI thread (``announcer``),
through the system's audio player (``player``), from tones rendered as WAV (``synth``)."""
