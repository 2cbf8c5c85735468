"""Rendered fragments kept in the cache, so a page renders only what is new or per user (profiled in
docs/benchmarks.md, session 6: template rendering was most of every page).

Every key carries the active language, so a language switch never shows the other language's fragment, and one of
three things that say when a fragment is out of date:

* shared content (course cards, page bodies): the content token (`portal.frame`), drawn again when a page
  is published, unpublished, moved or deleted, when sites, settings, documents or images change, and by
  `frame.forget_shared()`; plus the revision of the object, so what a fragment shows is named in its key;
* what one user sees (the menu, the footer): the user's frame key, which holds their token and the shared one;
* small fragments made of a few fields (a session's line): the fields themselves, so no change can miss them.

A fragment holds no user's data unless it is keyed by that user, and never a CSRF token (those are rendered in
the page around it).
"""

import hashlib

from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import frame

TTL = 6 * 60 * 60


def key_of(kind, *parts):
    """The cache key of a fragment: its kind, the language and the parts that vary it, hashed to a short key."""
    digest = hashlib.sha1(repr((get_language(), *parts)).encode(), usedforsecurity=False).hexdigest()
    return f"frag:{kind}:{digest}"


def shared_key(user, kind, *parts):
    """A fragment of shared content: also dropped when the content token is drawn again (read with the user's
    frame, in the round trip the frame makes anyway). Nothing of `user` goes into the key."""
    token = frame.frame_of(user).content if getattr(user, "is_authenticated", False) else frame.content_token()
    return key_of(kind, token, *parts)


def user_key(user, kind, *parts):
    """A fragment of what this user sees: also dropped when their frame is (their groups, account, shared data)."""
    return key_of(kind, frame.frame_of(user).key, *parts)


def render_many(template_name, items, *, key, context, prepare=None):
    """{key(item): html} for every item, the missing ones rendered with `context(item)` and stored, all read in one
    cache round trip. `prepare(missing_items)` runs first for the missing ones only, e.g. to prefetch what only the
    fragment shows, so a page whose fragments are all cached does not read it."""
    keys = {key(item): item for item in items}
    found = cache.get_many(list(keys)) if keys else {}
    missing = [(k, item) for k, item in keys.items() if k not in found]
    if missing:
        if prepare is not None:
            prepare([item for _k, item in missing])
        template = get_template(template_name)
        fresh = {k: template.render(context(item)) for k, item in missing}
        cache.set_many(fresh, TTL)
        found.update(fresh)
    # our own templates' output, escaped by them
    return {k: mark_safe(html) for k, html in found.items()}


def cached(key, render):
    """One fragment: `render()` when it is not in the cache yet."""
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, TTL)
    return mark_safe(html)
