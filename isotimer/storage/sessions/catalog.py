"""Everything a user can run: the library plus sessions from every folder, with problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from isotimer.core.session.model import Session
from isotimer.paths import Paths
from isotimer.storage.problems import Problem, ValidationError, did_you_mean
from isotimer.storage.sessions.library import LIBRARY_FILE, Library, load_library
from isotimer.storage.sessions.loader import load_session


class Origin(StrEnum):
    """Where a session comes from, so the picker can say which ones are the user's."""

    BUNDLED = "bundled"
    EDITED = "edited"  # the user's own copy of a bundled session, under its id
    OWN = "own"  # the user's own session, or one from a --sessions folder


@dataclass
class Catalog:
    """Sessions by id (later folders override earlier ones) and what failed to load.

    ``bundled`` lists the bundled ids in their fixed order: the picker numbers
    sessions in that order, then the user's own after them, so a number means
    the same session whatever the user adds (Recovery day stays "7, Enter").
    """

    library: Library
    sessions: dict[str, Session] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    origins: dict[str, Origin] = field(default_factory=dict)
    bundled: list[str] = field(default_factory=list)

    def find(self, ref: str) -> Session:
        """A session by id, by name (any case), or by path to a .toml file.

        Raises:
            LookupError: nothing matches (the message suggests the closest id), or
                the name belongs to several sessions (the message lists their ids).
            ValidationError: ``ref`` is a file that does not validate.
        """
        path = Path(ref).expanduser()
        if ref.endswith(".toml") or path.is_file():
            if not path.exists():
                raise LookupError(f"no such session file: {ref}")
            return load_session(path, self.library)
        if ref in self.sessions:
            return self.sessions[ref]
        named = self.named(ref)
        if len(named) == 1:
            return named[0]
        if named:
            ids = ", ".join(f"{s.id} ({self.origin(s.id).value})" for s in named)
            raise LookupError(f"{len(named)} sessions are called '{ref}': {ids}; give the id")
        names = [s.name.casefold() for s in self.sessions.values()]
        hint = did_you_mean(ref, self.sessions) or did_you_mean(ref.casefold(), names)
        raise LookupError(f"no session '{ref}'{hint}; see 'isotimer list'")

    def named(self, name: str, *, besides: str | None = None) -> list[Session]:
        """Sessions called ``name`` (any case), in picker order, leaving out id ``besides``."""
        wanted = name.strip().casefold()
        return [
            s for s in self.ordered_sessions() if s.name.casefold() == wanted and s.id != besides
        ]

    def names(self, *, besides: str | None = None) -> frozenset[str]:
        """Every session's name, folded for comparing, but that of id ``besides``."""
        return frozenset(s.name.casefold() for s in self.sessions.values() if s.id != besides)

    def free_name(self, name: str) -> str:
        """``name``, or ``name 2``, ``name 3``... when a session is already called that."""
        taken = self.names()
        candidate, number = name, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{name} {number}"
        return candidate

    def origin(self, session_id: str) -> Origin:
        """Bundled, the user's edited copy of a bundled one, or the user's own."""
        return self.origins.get(session_id, Origin.OWN)

    def ordered_sessions(self) -> list[Session]:
        """Bundled sessions in their fixed order (an edited copy keeps its place), then the
        user's own by name."""
        first = [self.sessions[i] for i in self.bundled if i in self.sessions]
        rest = [s for s in self.sessions.values() if s.id not in set(self.bundled)]
        return first + sorted(rest, key=lambda s: (s.name.casefold(), s.id))


def _library_files(paths: Paths) -> list[Path]:
    return [
        paths.bundled_library,
        paths.user_library,
        *(folder / LIBRARY_FILE for folder in paths.extra_sessions),
    ]


# Bundled sessions added after the picker's numbers were published, in the order added:
# they are numbered after the others, so no earlier number moves (Recovery day stays 7).
ADDED_LATER = ("hold-test",)


def _bundled_place(session_id: str, catalog: Catalog) -> tuple[int, str]:
    later = ADDED_LATER.index(session_id) + 1 if session_id in ADDED_LATER else 0
    return later, catalog.sessions[session_id].name


def load_catalog(paths: Paths) -> Catalog:
    """Load the library and every session folder; one bad file never hides the others."""
    library, problems = load_library(_library_files(paths))
    catalog = Catalog(library=library, problems=problems)
    for folder in paths.session_dirs():
        if not folder.is_dir():
            if folder in paths.extra_sessions:
                catalog.problems.append(Problem(str(folder), 1, "folder", "not found"))
            continue
        bundled = folder == paths.bundled_sessions
        for file in sorted(folder.glob("*.toml")):
            if file.name == LIBRARY_FILE:
                continue
            try:
                session = load_session(file, library)
            except ValidationError as error:
                catalog.problems.extend(error.problems)
                continue
            catalog.sessions[file.stem] = session
            if bundled:
                catalog.origins[file.stem] = Origin.BUNDLED
            elif file.stem in catalog.origins:
                catalog.origins[file.stem] = Origin.EDITED
        if bundled:
            catalog.bundled = sorted(catalog.sessions, key=lambda i: _bundled_place(i, catalog))
    return catalog


Stamp = tuple[tuple[str, int, int, int], ...]


@dataclass(frozen=True)
class SessionFolders:
    """The files a catalog is read from, to read it again when one of them changed.

    A session made with ``isotimer new`` or edited on disk while the app is
    open must be what Enter runs; ``stamp`` tells a change for the cost of a
    stat per file, with nothing parsed, so the picker can ask every time.
    """

    paths: Paths

    def load(self) -> Catalog:
        """The catalog as the files are now."""
        return load_catalog(self.paths)

    def stamp(self) -> Stamp:
        """Each file's path, change time, size and inode (a save by rename): equal, same catalog."""
        files = _library_files(self.paths)
        for folder in self.paths.session_dirs():
            files += sorted(folder.glob("*.toml"))  # a missing folder globs nothing
        return tuple(_file_stamp(file) for file in files)


def _file_stamp(file: Path) -> tuple[str, int, int, int]:
    try:
        stat = file.stat()
    except OSError:
        return (str(file), -1, -1, -1)  # missing or unreadable: its coming back is a change
    return (str(file), stat.st_mtime_ns, stat.st_size, stat.st_ino)
