"""What the insight package adds to the platform's registries (imported by kompetensi/registrations.py): the home
panel, and the catalogue's "fits my gaps" filter."""

from ..queries.catalogue import register_gap_filter
from . import panels  # noqa: F401  (registers itself)
from .queries import fit_courses

register_gap_filter(fit_courses)
