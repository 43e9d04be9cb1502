"""What every subcommand is handed: paths, consoles and the lazily loaded catalog."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from rich.console import Console

from isotimer.paths import Paths
from isotimer.storage.catalog import Catalog, load_catalog


@dataclass
class Context:
    paths: Paths
    console: Console = field(default_factory=Console)
    err: Console = field(default_factory=lambda: Console(stderr=True))

    @cached_property
    def catalog(self) -> Catalog:
        """The catalog, loaded on first use; load problems go to stderr once."""
        catalog = load_catalog(self.paths)
        for problem in catalog.problems:
            self.err.print(f"warning: {problem}", markup=False, highlight=False, soft_wrap=True)
        return catalog
