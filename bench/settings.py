"""Settings of the benchmark server (bench/run.py): the portal's settings with DEBUG off and the bench urls, which add
a bare template view as the reference for the pages' throughput. Never used by the product.

The production settings module is not used as such because it needs HTTPS and collected static files; what matters for
the figures is the same here: DEBUG off (cached template loader, no query log), persistent database connections
(DB_CONN_MAX_AGE) and Redis as the cache (CACHE_URL), both set by bench/run.py in the environment.
"""

import warnings

from portal.settings.dev import *  # noqa: F403
from portal.settings.dev import BASE_DIR, TEMPLATES

DEBUG = False
ROOT_URLCONF = "bench.urls"
TEMPLATES = [{**TEMPLATES[0], "DIRS": [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]}, *TEMPLATES[1:]]

# whitenoise warns once per process that STATIC_ROOT was never collected: the bench measures pages, not static files
warnings.filterwarnings("ignore", message="No directory at")
