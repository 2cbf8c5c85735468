"""Set up Django for a bench script run as `python bench/<script>.py` from the project root."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ.setdefault("DEBUG", "0")
    import django

    django.setup()


def chosen_pages(spec, known):
    """The pages named in `--pages` (comma-separated), or exit naming the unknown ones."""
    wanted = spec.split(",")
    unknown = set(wanted) - set(known)
    if unknown:
        sys.exit(f"unknown pages: {', '.join(sorted(unknown))}")
    return wanted


def server_environment(cache_url):
    """bench/run.py's server settings for an in-process measure: DEBUG off, persistent connections, Redis cache."""
    os.environ.update(DJANGO_SETTINGS_MODULE="bench.settings", DEBUG="0", DB_CONN_MAX_AGE="600", CACHE_URL=cache_url)
