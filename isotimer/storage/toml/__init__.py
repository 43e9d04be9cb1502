"""TOML reading with the line of every key, for errors that point at it."""
