"""isotimer: a terminal coach for isometric strength sessions for runners."""

__version__ = "0.1.0"
