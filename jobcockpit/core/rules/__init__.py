"""The follow-up rules R1 to R19 of docs/rules.md: who is safe to call today.

Pure functions of (records, settings, now): nothing here reads the clock, so
`jobcockpit today --now` and every test judge any moment they like. Every
clock and calendar question is asked in the contact's own zone. Each rule is
implemented once, where its id appears in a comment.

The modules, from the bottom up: `clock` (moments as the rules count them),
`windows` (the calendar of a call), `facts` (what the log says about a pair),
`pair` (what a pair's verdicts share, the waits against the calendar),
`judge` and `tasks` (the verdicts and the tasks), `order` (the order of the
list) and `memo` (the whole board's agenda, remembered).
"""

from jobcockpit.core.rules.facts import (
    courtesy_deadline,
    courtesy_due,
    scheduled_interview,
    stage_start,
)
from jobcockpit.core.rules.judge import Judge, judge_pair, tasks_of
from jobcockpit.core.rules.memo import AgendaMemo, ApplicationAnswer, agenda
from jobcockpit.core.rules.order import best_verdict, task_order, verdict_order

__all__ = [
    "AgendaMemo",
    "ApplicationAnswer",
    "Judge",
    "agenda",
    "best_verdict",
    "courtesy_deadline",
    "courtesy_due",
    "judge_pair",
    "scheduled_interview",
    "stage_start",
    "task_order",
    "tasks_of",
    "verdict_order",
]
