"""Reads that may come from a PostgreSQL read replica (DATABASE_REPLICA_URL): only those a view marks with
`from_replica()` (HR reports and exports, which read much and may lag a few seconds), never a page that has just
written and reads its own write back. Without a replica everything goes to the primary."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
_reading_replica = ContextVar("lentera_reading_replica", default=False)


@contextmanager
def from_replica():
    token = _reading_replica.set(True)
    try:
        yield
    finally:
        _reading_replica.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _reading_replica.get() and REPLICA in settings.DATABASES:
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # the replica holds the same rows as the primary
        return True

    def allow_migrate(self, db, app_label, **hints):
        return db != REPLICA


def reads_from_replica(view):
    """A report view that only reads: its queries may go to the replica."""
    from functools import wraps

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        with from_replica():
            return view(request, *args, **kwargs)

    return wrapped
