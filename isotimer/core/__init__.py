"""The terminal-free core: what a session is and what should happen at time t."""
