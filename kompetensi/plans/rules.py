"""Pure rules of development plans (no database): the state machine's table, who-acts-when, how the training data
becomes each planned activity's progress, and when a plan is behind."""

from dataclasses import dataclass

from kompetensi import rules as training

DRAFT, SUBMITTED, RETURNED, APPROVED, IN_PROGRESS, COMPLETED = (
    "draft", "submitted", "returned", "approved", "in_progress", "completed",
)  # fmt: skip

# The one place that says which plan transitions exist.
PLAN_TRANSITIONS = {
    "": {DRAFT},
    DRAFT: {SUBMITTED},
    SUBMITTED: {APPROVED, RETURNED},
    RETURNED: {SUBMITTED},
    APPROVED: {IN_PROGRESS},
    IN_PROGRESS: {COMPLETED},
    COMPLETED: set(),
}
EDITABLE = (DRAFT, RETURNED)
# the plans whose progress counts against the year (coverage's "behind")
UNDER_WAY = (APPROVED, IN_PROGRESS)

# What each outcome of a planned activity means.
PLANNED, REQUESTED, STARTED, DONE, NOT_DONE = "planned", "requested", "started", "done", "not_done"

# A catalogue activity follows the employee's enrolment in its session.
ENROLMENT_OUTCOME = {
    training.REQUESTED: REQUESTED,
    training.PENDING_APPROVAL: REQUESTED,
    training.WAITLISTED: REQUESTED,
    training.CONFIRMED: STARTED,
    training.ATTENDED: STARTED,
    training.COMPLETED: DONE,
    training.NOT_COMPLETED: NOT_DONE,
    # cancelled or rejected: the activity is still only planned (the employee may enrol again)
}
# The JP ledger sources an activity of each kind draws on. A "mentoring" source counts for mentoring activities as
# soon as the ledger has one; "other" activities draw on whatever JP no other activity claimed.
SOURCES_FOR_KIND = {"external": ("external",), "mentoring": ("mentoring",)}


@dataclass(frozen=True)
class ActivityInput:
    key: int
    kind: str
    planned_jp: int
    planned_month: int
    session_id: int | None = None


@dataclass(frozen=True)
class LedgerInput:
    source: str
    jp: int
    session_id: int | None = None  # the session of a course entry


@dataclass(frozen=True)
class Progress:
    outcome: str
    jp_done: int
    enrolment_status: str = ""


def outcome_for_jp(jp_done: int, planned_jp: int) -> str:
    if jp_done <= 0:
        return PLANNED
    return DONE if jp_done >= planned_jp else STARTED


def derive_progress(activities, enrolments: dict, entries) -> dict:
    """{activity key: Progress}. `enrolments` maps a session id to the employee's latest enrolment status in it;
    `entries` are the year's JP ledger entries. Catalogue activities follow their enrolment and their own course
    entry; external and mentoring activities share their sources' JP in the order they were planned (by month);
    "other" activities share what is left of every source. No entry is counted twice."""
    activities = sorted(activities, key=lambda a: (a.planned_month, a.key))
    planned_sessions = {a.session_id for a in activities if a.kind == "session"}
    pools: dict[str, int] = {}
    session_jp: dict[int, int] = {}
    for entry in entries:
        if entry.session_id is not None and entry.session_id in planned_sessions:
            session_jp[entry.session_id] = session_jp.get(entry.session_id, 0) + entry.jp
        else:
            pools[entry.source] = pools.get(entry.source, 0) + entry.jp
    progress = {}
    for activity in activities:
        if activity.kind == "session":
            status = enrolments.get(activity.session_id, "")
            jp = session_jp.get(activity.session_id, 0)
            outcome = ENROLMENT_OUTCOME.get(status, PLANNED)
            progress[activity.key] = Progress(DONE if jp and outcome != NOT_DONE else outcome, jp, status)
    for kind, sources in SOURCES_FOR_KIND.items():
        for activity in (a for a in activities if a.kind == kind):
            progress[activity.key] = _draw(activity, pools, sources)
    for activity in (a for a in activities if a.kind == "other"):
        progress[activity.key] = _draw(activity, pools, sorted(pools))
    return progress


def _draw(activity, pools, sources):
    taken = 0
    for source in sources:
        share = min(pools.get(source, 0), activity.planned_jp - taken)
        if share > 0:
            pools[source] -= share
            taken += share
    return Progress(outcome_for_jp(taken, activity.planned_jp), taken)


def has_progress(progress: dict) -> bool:
    """Whether any planned activity has moved (an enrolment confirmed, JP recorded): an approved plan is then
    under way."""
    return any(p.outcome in (STARTED, DONE, NOT_DONE) for p in progress.values())


def is_behind(*, jp_done: int, jp_planned: int, day_of_year: int, days_in_year: int) -> bool:
    """An approved or running plan is behind when the share of its planned JP done is below the share of the year
    elapsed (a plan of 0 JP is never behind)."""
    return jp_planned > 0 and jp_done * days_in_year < jp_planned * day_of_year


def percent(done: int, planned: int) -> int:
    return training.progress_percent(done, planned)
