"""What evaluation adds to the platform's registries (imported by kinerja/registrations.py)."""

from portal.api_enums import api_enums
from portal.navigation import register_nav, register_nav_badge

from . import menu, panels  # noqa: F401  (they register themselves)

api_enums.add("RatingEnum", "kinerja.evaluation.models.Rating")
api_enums.add("EvaluationStatusEnum", "kinerja.evaluation.models.Evaluation.Status")

register_nav("kinerja-evaluation", "kinerja/evaluation/nav.html", order=30, group="perform")
register_nav("kinerja-evaluation-manage", "kinerja/evaluation/nav_manage.html", order=31, group="manage")
register_nav_badge("kinerja-evaluation-to-rate", menu.to_rate_badge)
