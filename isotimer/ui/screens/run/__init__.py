"""The run screen: one session live (``screen``), its keys (``keys``), how it shares out its
rows (``layout``) and what its stop question says (``stop_message``)."""

from isotimer.ui.screens.run.screen import FLASH_S, RunResult, RunScreen

__all__ = ["FLASH_S", "RunResult", "RunScreen"]
