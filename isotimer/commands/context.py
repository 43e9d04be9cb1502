"""What every subcommand is handed: paths, consoles and the lazily loaded catalog."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from rich.console import Console

from isotimer.commands.output import say
from isotimer.paths import Paths

if TYPE_CHECKING:
    from isotimer.storage.sessions.catalog import Catalog


@dataclass
class Context:
    """What every command runs with: the paths, stdout and stderr, and the catalog on demand."""

    paths: Paths
    # emoji=False: a session named "Hips :fire:" stays as typed, and printing skips
    # loading Rich's emoji table, a measurable part of a shell command's start-up.
    console: Console = field(default_factory=lambda: Console(emoji=False))
    err: Console = field(default_factory=lambda: Console(stderr=True, emoji=False))

    @cached_property
    def catalog(self) -> Catalog:
        """The catalog, loaded on first use; load problems go to stderr once."""
        # Imported here: the history commands never load the catalog, so never pay for it.
        from isotimer.storage.sessions.catalog import load_catalog

        catalog = load_catalog(self.paths)
        for problem in catalog.problems:
            say(self.err, f"warning: {problem}")
        return catalog
