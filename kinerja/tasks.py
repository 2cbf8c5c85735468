"""Celery tasks of the performance module (found by autodiscovery); each package keeps its own."""

from .career.tasks import recompute_eligibility  # noqa: F401
from .coaching.tasks import sweep_low_results  # noqa: F401
from .deadlines.tasks import send_deadline_reminders  # noqa: F401
from .talent.tasks import recompute_talent  # noqa: F401
