"""Every programme a user can follow: bundled ones, then the user's own by the same id."""

from __future__ import annotations

from collections.abc import Collection

from isotimer.core.programme.phases import Programme
from isotimer.paths import Paths
from isotimer.storage.problems import Problem, ValidationError, did_you_mean
from isotimer.storage.programmes.loader import load_programme


def load_programmes(
    paths: Paths, session_ids: Collection[str]
) -> tuple[dict[str, Programme], list[Problem]]:
    """Programmes by id, sorted by name, and what failed to load; a bad file hides no other."""
    found: dict[str, Programme] = {}
    problems: list[Problem] = []
    for folder in paths.programme_dirs():
        if not folder.is_dir():
            continue
        for file in sorted(folder.glob("*.toml")):
            try:
                found[file.stem] = load_programme(file, session_ids)
            except ValidationError as error:
                problems.extend(error.problems)
    ordered = sorted(found.values(), key=lambda p: (p.name.casefold(), p.id))
    return {p.id: p for p in ordered}, problems


def find_programme(programmes: dict[str, Programme], ref: str) -> Programme:
    """A programme by id; LookupError with the closest id when none matches."""
    if ref in programmes:
        return programmes[ref]
    hint = did_you_mean(ref, programmes)
    raise LookupError(f"no programme '{ref}'{hint}; see 'isotimer programme list'")
