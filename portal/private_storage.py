"""Private files (import uploads, evidence) live outside MEDIA_ROOT and are never served by the web server from a
path: only a view that checks scope hands them out (see portal/files.py)."""

from django.core.files.storage import storages


def private_storage():
    return storages["private"]
