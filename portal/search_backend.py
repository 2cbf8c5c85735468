"""Wagtail's database search backend, with Indonesian stemming on SQLite too.

PostgreSQL stems with its `indonesian` text-search configuration. SQLite's full-text index (FTS5) has no Indonesian
stemmer, so on SQLite the Sastrawi stemmer is applied to the indexed text and to the query: "latih" finds
"pelatihan", "bijak" finds "kebijakan" on the embedded default as on PostgreSQL. The stems are appended to the
original text rather than replacing it, so phrase searches on the exact words keep working.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend


# Wagtail looks the backend up by this name in the module named in WAGTAILSEARCH_BACKENDS
def SearchBackend(params):
    backend = database_backend(params)
    if connection.vendor != "sqlite":
        return backend
    # imported only on SQLite: the module needs the FTS5 index model that exists only there
    from .search_sqlite import StemmingSQLiteBackend, wagtail_sqlite

    if isinstance(backend, wagtail_sqlite.SQLiteSearchBackend):
        return StemmingSQLiteBackend(params)
    return backend
