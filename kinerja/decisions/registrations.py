"""What career decisions add to the platform's registries (imported by kinerja/registrations.py); the menu entry
shares career's "Kelola" template."""

from . import (
    notice_kinds,  # noqa: F401  (the notification wording registers itself)
    profile,  # noqa: F401  (the profile section registers itself)
)
