"""Everything a user can run: the library plus sessions from every folder, with problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from isotimer.core.model import Session
from isotimer.paths import Paths
from isotimer.storage.library import LIBRARY_FILE, Library, load_library
from isotimer.storage.problems import Problem, ValidationError, did_you_mean
from isotimer.storage.sessions.loader import load_session


@dataclass
class Catalog:
    """Sessions by id (later folders override earlier ones) and what failed to load."""

    library: Library
    sessions: dict[str, Session] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def find(self, ref: str) -> Session:
        """A session by id, by name (any case), or by path to a .toml file.

        Raises:
            LookupError: nothing matches; the message suggests the closest id.
            ValidationError: ``ref`` is a file that does not validate.
        """
        path = Path(ref).expanduser()
        if ref.endswith(".toml") or path.is_file():
            if not path.exists():
                raise LookupError(f"no such session file: {ref}")
            return load_session(path, self.library)
        if ref in self.sessions:
            return self.sessions[ref]
        by_name = {s.name.casefold(): s for s in self.sessions.values()}
        if ref.casefold() in by_name:
            return by_name[ref.casefold()]
        hint = did_you_mean(ref, self.sessions) or did_you_mean(ref, [*by_name])
        raise LookupError(f"no session '{ref}'{hint}; see 'isotimer list'")

    def sorted_sessions(self) -> list[Session]:
        return sorted(self.sessions.values(), key=lambda s: s.name.casefold())


def load_catalog(paths: Paths) -> Catalog:
    """Load the library and every session folder; one bad file never hides the others."""
    library_files = [paths.bundled_library, paths.user_library]
    library_files += [folder / LIBRARY_FILE for folder in paths.extra_sessions]
    library, problems = load_library(library_files)
    catalog = Catalog(library=library, problems=problems)
    for folder in paths.session_dirs():
        if not folder.is_dir():
            if folder in paths.extra_sessions:
                catalog.problems.append(Problem(str(folder), 1, "folder", "not found"))
            continue
        for file in sorted(folder.glob("*.toml")):
            if file.name == LIBRARY_FILE:
                continue
            try:
                catalog.sessions[file.stem] = load_session(file, library)
            except ValidationError as error:
                catalog.problems.extend(error.problems)
    return catalog
