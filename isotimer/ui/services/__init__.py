"""The App's collaborators: the flows that span screens, held by the App and handed down.

``Startup`` (what opening the app offers), ``Runs`` (a run from plan to
summary, the resume offer), ``RunGuard`` (a hold survives a quit, a signal, a
crash), ``LiveSharing`` (the live page),
``HistoryKeeper`` (the history file: moved aside, reopened, reviewed),
``SettingsKeeper`` (a change saved and applied), ``FitSaving``,
``MorningCheckin``, ``ProgrammeToday``, ``SessionFiles`` (the picker's new,
edit, duplicate and delete), the announcer (``Announcing``,
``make_announcer``) and the benchmark probes (``TimingLog``, ``mark_ready``).
The live page's server comes with ``live_link``, imported only when sharing starts.
Each is built with the App twice over: as the Textual app it pushes screens
and notices on, and as the ``AppState`` it reads what the App holds now from.
"""

from isotimer.ui.services.fit_saving import FitSaving
from isotimer.ui.services.history import HistoryKeeper
from isotimer.ui.services.morning import MorningCheckin
from isotimer.ui.services.probes import TimingLog, mark_ready
from isotimer.ui.services.programme import ProgrammeToday
from isotimer.ui.services.run_guard import RunGuard
from isotimer.ui.services.runs import RunRequest, Runs
from isotimer.ui.services.session_files import SessionFiles
from isotimer.ui.services.settings import SettingsKeeper
from isotimer.ui.services.sharing import LiveSharing
from isotimer.ui.services.sound import Announcing, make_announcer
from isotimer.ui.services.startup import Startup
from isotimer.ui.services.state import AppState

__all__ = [
    "Announcing",
    "AppState",
    "FitSaving",
    "HistoryKeeper",
    "LiveSharing",
    "MorningCheckin",
    "ProgrammeToday",
    "RunGuard",
    "RunRequest",
    "Runs",
    "SessionFiles",
    "SettingsKeeper",
    "Startup",
    "TimingLog",
    "make_announcer",
    "mark_ready",
]
