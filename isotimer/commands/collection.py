"""When garbage is collected: not while a command starts, and for a long run only afterwards."""

from __future__ import annotations

import gc


def collect_from_now() -> None:
    """Turn garbage collection back on for a long run, leaving start-up's objects out of it.

    ``cli.main`` starts every command with collection off. What start-up made is
    kept for good (modules, catalog, settings) but for about 130 objects of
    garbage; frozen, the collections of a long run never walk it again, and the
    picker's first frame comes about 15 ms sooner (benchmarks/README.md).
    """
    gc.freeze()
    gc.enable()
