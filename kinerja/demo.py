"""Demo data of the performance module (found by load_demo); each package registers its own steps."""

from .calibration import demo as calibration_demo  # noqa: F401
from .career import demo as career_demo  # noqa: F401
from .coaching import demo as coaching_demo  # noqa: F401
from .decisions import demo as decisions_demo  # noqa: F401
from .evaluation import demo as evaluation_demo  # noqa: F401
from .peer import demo as peer_demo  # noqa: F401
from .progress import demo as progress_demo  # noqa: F401
from .public_feedback import demo as public_feedback_demo  # noqa: F401
from .rhk_templates import demo as rhk_template_demo  # noqa: F401
from .service_desk import demo as service_desk_demo  # noqa: F401
from .skp import demo as skp_demo  # noqa: F401
from .talent import demo as talent_demo  # noqa: F401
