"""Values read at most once per request, for code that is not handed the request (a page's `url` in a template).

Only inside a request (portal.middleware.CachedSiteMiddleware opens and closes the scope): outside one, in a task or
a shell, nothing is kept, so nothing outlives what it was read for."""

from contextvars import ContextVar

_memo: ContextVar[dict | None] = ContextVar("lentera_request_memo", default=None)
_MISSING = object()


def start():
    return _memo.set({})


def end(token):
    _memo.reset(token)


def once(name, compute):
    """`compute()` once in this request; every time outside one."""
    memo = _memo.get()
    if memo is None:
        return compute()
    value = memo.get(name, _MISSING)
    if value is _MISSING:
        value = memo[name] = compute()
    return value
