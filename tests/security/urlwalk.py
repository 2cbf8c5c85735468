"""Every URL pattern in the resolver, turned into a concrete path with placeholder arguments."""

import re

from django.urls import URLPattern, URLResolver, get_resolver

PLACEHOLDER = "1"
_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?P<body>(?:[^()]|\([^()]*\))*)\)")


def _regex_to_path(regex):
    path = _GROUP.sub(PLACEHOLDER, regex)
    path = re.sub(r"\(\?:[^)]*\)\??", "", path)
    path = path.lstrip("^").rstrip("$").replace("\\Z", "").replace("\\", "")
    path = path.replace("?", "")
    return path


def _pattern_path(pattern):
    route = getattr(pattern.pattern, "_route", None)
    if route is not None:
        return re.sub(r"<(?:\w+:)?\w+>", PLACEHOLDER, route)
    return _regex_to_path(pattern.pattern.regex.pattern)


def iter_urls(resolver=None, prefix="/"):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        path = prefix + _pattern_path(pattern)
        if isinstance(pattern, URLResolver):
            yield from iter_urls(pattern, path)
        elif isinstance(pattern, URLPattern):
            yield path.replace("//", "/"), pattern
