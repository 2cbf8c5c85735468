"""What the performance module adds to the platform's registries (found by `portal.registry.discover`)."""

from .calibration import registrations as calibration_registrations  # noqa: F401
from .career import registrations as career_registrations  # noqa: F401
from .coaching import registrations as coaching_registrations  # noqa: F401
from .compliance import registrations as compliance_registrations  # noqa: F401
from .dashboards import registrations as dashboard_registrations  # noqa: F401
from .deadlines import registrations as deadline_registrations  # noqa: F401
from .decisions import registrations as decision_registrations  # noqa: F401
from .evaluation import registrations as evaluation_registrations  # noqa: F401
from .exchange import registrations as exchange_registrations  # noqa: F401
from .peer import registrations as peer_registrations  # noqa: F401
from .progress import registrations as progress_registrations  # noqa: F401
from .public_feedback import registrations as public_feedback_registrations  # noqa: F401
from .rhk_templates import registrations as rhk_template_registrations  # noqa: F401
from .service_desk import registrations as service_desk_registrations  # noqa: F401
from .skp import registrations as skp_registrations  # noqa: F401
from .talent import registrations as talent_registrations  # noqa: F401
