"""The document ``isotimer stats --json`` prints (its shape: schemas/stats.schema.json)."""

from __future__ import annotations

from collections.abc import Sequence

from isotimer.core.history import stats
from isotimer.core.history.review import Review
from isotimer.core.history.stats import SessionTrend


def stats_document(review: Review | None, trends: Sequence[SessionTrend] = ()) -> dict[str, object]:
    """Per exercise and side the figures, then balance, this week, the streak and the
    trends per session.

    Dates are ISO days; a trend is null when there is not enough data;
    ``week`` is null with no history at all.
    """
    if review is None or review.empty:
        return {
            "exercises": [], "balances": [], "week": None, "streak_weeks": 0, "trends": [],
        }  # fmt: skip
    week = review.weeks[-1]
    return {
        "exercises": [
            {
                "exercise": figures.exercise,
                "name": figures.exercise_name,
                "side": figures.side,
                "level": figures.level,
                "holds": figures.holds,
                "best_s": figures.best_s,
                "best_on": figures.best_on.isoformat(),
                "last_s": figures.last_s,
                "last_on": figures.last_on.isoformat(),
                "last_target_s": figures.last_target_s,
                "trend_s_per_week": figures.trend_s_per_week,
            }
            for figures in (row.stats for row in review.exercises)
        ],
        "balances": [
            {
                "exercise": balance.exercise,
                "left_s": balance.left_s,
                "right_s": balance.right_s,
                "gap_pct": balance.gap_pct,
                "lagging": balance.lagging,
                "flagged": balance.flagged,
            }
            for balance in review.balances.values()
        ],
        "week": {
            "start": week.start.isoformat(),
            "sessions": week.sessions,
            "goal": stats.WEEKLY_GOAL,
            "time_under_tension_s": week.time_under_tension_s,
        },
        "streak_weeks": review.streak,
        "trends": [trend.to_dict() for trend in trends],
    }
