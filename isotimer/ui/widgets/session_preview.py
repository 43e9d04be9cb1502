"""What a session holds, before it starts: the picker's right-hand pane."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from isotimer.core.coach.progression import Suggestion
from isotimer.core.session.model import Exercise, Hold, Session, Side, Sides
from isotimer.core.session.plan import Plan, StepKind, target_key
from isotimer.core.text.durations import clock, short
from isotimer.storage.problems import Problem
from isotimer.ui.style.literal import literal


def hold_line(hold: Hold, target_s: float) -> str:
    """``30 s x 2 sets, each side``."""
    parts = [short(target_s)]
    if hold.sets > 1:
        parts[0] += f" x {hold.sets} sets"
    if hold.sides is Sides.BOTH:
        parts.append("each side")
    return ", ".join(parts)


def plan_preview(
    plan: Plan,
    suggestions: Mapping[str, Suggestion] | None = None,
    *,
    progression: bool = False,
    swap: str = "",
) -> RenderableType:
    """The session as a runner decides on it: time, holds, equipment, then each hold.

    ``suggestions`` (today's targets from the history) show under their holds;
    with ``progression`` on, the plan already runs at those targets.
    """
    session = plan.session
    holds = plan.hold_steps
    # A hold this session has never run has no target to show beyond its own time.
    suggestions = {key: s for key, s in (suggestions or {}).items() if s.runs}
    summary = Text(
        f"{clock(plan.total_seconds)} total · {len(holds)} hold{'s' if len(holds) != 1 else ''} · "
        f"{clock(plan.time_under_tension_s)} under tension",
        style="bold",
    )
    parts: list[RenderableType] = [Text(session.name, style="bold underline"), summary]
    if session.rounds > 1:
        parts.append(Text(f"{session.rounds} rounds, {short(session.rest_between_rounds)} between"))
    if session.equipment:
        parts.append(Text(f"Needs: {', '.join(session.equipment)}"))
    if session.description:
        parts += [Text(""), Text(session.description)]
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style="dim")
    table.add_column()
    targets: dict[int, float] = {}
    for step in holds:
        targets.setdefault(step.hold_index, step.seconds)
    last = len(session.holds)
    for number, hold in enumerate(session.holds, start=1):
        target = targets.get(number - 1, hold.seconds_for(plan.level))
        rested = hold.rest and (number < last or hold.sets > 1 or session.rounds > 1)
        rest = f", rest {short(hold.rest)}" if rested else ""
        line = Text(hold.name, style="bold")
        line.append(f"  {hold_line(hold, target)}{rest}", style="dim")
        table.add_row(f"{number}.", line)
        for key in _keys(hold):
            if key in suggestions:
                table.add_row("", _target_line(key, suggestions[key]))
    warm_up = _blocks_line(plan, StepKind.WARM_UP, "Warm-up")
    cool_down = _blocks_line(plan, StepKind.COOL_DOWN, "Cool-down")
    parts += [Text(""), *warm_up, table, *cool_down]
    if swap:
        parts += [Text(""), Text(swap, style="bold")]
    if suggestions:
        state = "on: holds run at today's targets" if progression else "off"
        parts += [
            Text(""),
            Text(
                f"Progression {state} (p to turn {'off' if progression else 'on'})", style="italic"
            ),
        ]
    return Group(*parts)


def _blocks_line(plan: Plan, kind: StepKind, label: str) -> list[Text]:
    """``Warm-up 7:00: Easy bike, Mobility``, or nothing when the plan has none."""
    names = [step.block.name for step in plan.steps if step.kind is kind and step.block]
    if not names:
        return []
    line = Text(f"{label} {clock(plan.seconds_of(kind))}: ", style="bold")
    line.append(", ".join(names), style="dim")
    return [line]


def _keys(hold: Hold) -> list[str]:
    sides = (Side.LEFT, Side.RIGHT) if hold.sides is Sides.BOTH else (Side.NONE,)
    return [target_key(hold.exercise, side) for side in sides]


def _target_line(key: str, suggestion: Suggestion) -> Text:
    """``today 35 s · +5 s: you held 30 s on every set...`` under its hold."""
    side = key.partition(":")[2]
    effort = f" at {suggestion.effort}%" if suggestion.effort is not None else ""
    label = f"today{f' ({side})' if side else ''} {short(suggestion.target_s)}{effort}"
    line = Text(f"↳ {label}", style="bold")
    line.append(f" · {suggestion.reason}", style="italic")
    return line


def swap_line(
    session: Session, swaps: Mapping[str, str], library: Mapping[str, Exercise], taken: bool
) -> str:
    """``Today's swap, on offer (x to take it): Single-leg ... for Glute bridge hold``."""
    names = {hold.exercise: hold.name for hold in session.holds}
    pairs = [
        f"{library[swap].name} for {names[exercise]}"
        for exercise, swap in swaps.items()
        if swap in library
    ]
    if not pairs:
        return ""
    state = "taken (x to put it back)" if taken else "on offer (x to take it)"
    return f"Today's swap, {state}: " + "; ".join(pairs)


def problems_preview(file: str, problems: list[Problem]) -> RenderableType:
    """A session file that failed to load: where, and every problem found."""
    lines = [literal(f"⚠ {file} did not load", style="bold")]
    lines += [literal(f"line {p.line}: {p.where}: {p.what}") for p in problems]
    lines.append(Text("\nFix the file, then check it with: isotimer validate FILE", style="italic"))
    return Group(*lines)


class SessionPreview(Static):
    """Shows one session's plan, or why its file failed to load."""

    def show(self, renderable: RenderableType) -> None:
        """Show a plan or a load-problem report built elsewhere."""
        self.update(renderable)
