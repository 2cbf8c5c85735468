"""The per-user frame: what every page needs about the signed-in user (their employee record, roles, menu entries,
site settings, unread notifications), read once and kept in the cache until something it depends on changes.

Each entry's key carries two tokens: one of the user and one of the shared content (organisation, roles, pages,
settings). Invalidating is drawing a new token, one cache write: the old entries are never looked up again and
expire on their own. A token is random, not a counter, so an evicted token can never bring a stale entry back.

With several processes the cache must be shared (Redis through CACHE_URL); the embedded default serves from one
process, whose local memory is then enough.
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.utils.functional import LazyObject, empty

TTL = 12 * 60 * 60
_SHARED = "frame:tok:shared"
# the shared content alone (pages, sites, settings, documents): what cached fragments of content depend on
# (portal.frame_fragments); drawn with the shared token, but not by changes to the organisation or to people
_CONTENT = "frame:tok:content"
_MISSING = object()


def _user_token(user_id):
    return f"frame:tok:u:{user_id}"


def _tokens(user_id, content=False):
    keys = [_SHARED, _user_token(user_id)] + ([_CONTENT] if content else [])
    found = cache.get_many(keys)
    if len(found) < len(keys):
        for key in keys:
            if key not in found:
                # add, not set: of two requests drawing a token at once, the first one's stands
                cache.add(key, uuid.uuid4().hex, None)
        found = cache.get_many(keys)
    return tuple(found.get(key, "") for key in keys)


def token(key):
    """The current value of a token (drawn the first time it is asked for): part of the keys of what depends on it."""
    value = cache.get(key)
    if value is None:
        # add, not set: of two requests drawing a token at once, the first one's stands
        cache.add(key, uuid.uuid4().hex, None)
        value = cache.get(key, "")
    return value


def draw(*keys):
    """New values for these tokens: whatever was kept under the old ones is never read again."""
    cache.set_many({key: uuid.uuid4().hex for key in keys}, None)


class Frame:
    def __init__(self, user_id):
        # the content token comes in the same round trip: most pages key a fragment on it
        shared, own, self.content = _tokens(user_id, content=True)
        self.key = f"frame:{user_id}:{shared}:{own}"
        self.unread_key = f"frame:unread:{user_id}:{shared}:{own}"
        self.values = cache.get(self.key) or {}

    def get(self, name, compute, keep_none=True):
        """The frame's value `name`, computed (and stored for the next requests) when it is not there yet."""
        value = self.values.get(name, _MISSING)
        if value is _MISSING:
            value = compute()
            if value is None and not keep_none:
                return None
            self.values[name] = value
            cache.set(self.key, self.values, TTL)
        return value


def load_user(user_id, compute):
    """The user of a session, from their frame instead of a query on every request (their account's changes draw a
    new token). Only the account's own columns are kept, so nothing the request attaches to the object is stored."""
    from django.contrib.auth import get_user_model

    model = get_user_model()
    user_frame = Frame(user_id)

    def columns():
        user = compute()
        return None if user is None else {f.attname: getattr(user, f.attname) for f in model._meta.concrete_fields}

    fields = user_frame.get("user", columns, keep_none=False)
    if fields is None:
        return None
    user = model.from_db("default", list(fields), list(fields.values()))
    user._lentera_frame = user_frame
    return user


def site_for(request, find):
    """The Wagtail site answering this host and port, with its root page already specific: `find(request)` once
    per host until sites or pages change (Wagtail asks the database on every request)."""
    from django.http.request import split_domain_port

    shared = token(_SHARED)
    key = f"frame:site:{shared}:{split_domain_port(request._get_raw_host())[0]}:{request.get_port()}"
    site = cache.get(key, _MISSING)
    if site is _MISSING:
        site = find(request)
        if site is not None:
            site.root_page = site.root_page.specific
        cache.set(key, site, TTL)
    return site


def shared_value(name, compute, keep_none=True):
    """A value that is the same for everyone and changes only with the shared content (e.g. the view restrictions
    above a page), computed once until the shared token is drawn again. `keep_none=False` when None is the answer
    to input anyone can vary (a path that leads nowhere), which must not fill the cache."""
    shared = cache.get(_SHARED)
    if shared is None:
        return compute()
    key = f"frame:shared:{shared}:{name}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        if value is not None or keep_none:
            cache.set(key, value, TTL)
    return value


def _unwrapped(user):
    """The user object itself: `request.user` is a lazy wrapper whose own __dict__ is not the user's."""
    if isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        return user._wrapped
    return user


def frame_of(user):
    """The frame of an authenticated user, loaded once per request (kept on the user object)."""
    user = _unwrapped(user)
    frame = user.__dict__.get("_lentera_frame")
    if frame is None:
        frame = user._lentera_frame = Frame(user.pk)
    return frame


def remember(user, name, compute, keep_none=True):
    """`compute()` once per user until the frame is invalidated; anonymous users compute every time."""
    if not getattr(user, "is_authenticated", False) or user.pk is None:
        return compute()
    return frame_of(user).get(name, compute, keep_none=keep_none)


def unread_count(user, compute):
    """The unread-notification count: its own entry, dropped by the services that write notifications."""
    key = frame_of(user).unread_key
    count = cache.get(key)
    if count is None:
        count = compute()
        cache.set(key, count, TTL)
    return count


def _now_and_after_commit(forget):
    # now, so the rest of this request reads fresh; again after commit, because a request running meanwhile may
    # have cached what it read before this transaction's change became visible
    forget()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(forget)


def forget_users(*user_ids):
    """Something only these users' frames depend on changed (their groups, account)."""
    ids = [pk for pk in user_ids if pk is not None]
    if ids:
        _now_and_after_commit(lambda: draw(*(_user_token(pk) for pk in ids)))


def forget_shared(content=True):
    """Something every frame may depend on changed (organisation, roles, pages, site settings). `content=False`
    when the change is to the organisation or to people only, which no fragment of shared content shows."""
    keys = [_SHARED, _CONTENT] if content else [_SHARED]
    _now_and_after_commit(lambda: draw(*keys))


def content_token():
    """The content token for a request without a signed-in user (those read it with their frame)."""
    return token(_CONTENT)


def forget_unread(*user_ids):
    def forget():
        cache.delete_many([f"frame:unread:{pk}:{':'.join(_tokens(pk))}" for pk in user_ids if pk is not None])

    _now_and_after_commit(forget)


def forget_cached(user):
    """Drop the frame loaded for this request, so the next read sees the new tokens."""
    _unwrapped(user).__dict__.pop("_lentera_frame", None)
