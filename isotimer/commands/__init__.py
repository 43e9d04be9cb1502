"""Subcommands; each module adds its parsers with ``register(subparsers)``."""
