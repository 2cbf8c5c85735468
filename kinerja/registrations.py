"""What the performance module adds to the platform's registries (found by `portal.registry.discover`)."""

from .evaluation import registrations as evaluation_registrations  # noqa: F401
from .skp import registrations as skp_registrations  # noqa: F401
