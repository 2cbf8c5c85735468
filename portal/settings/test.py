from .base import *  # noqa: F403

# `make test` runs the suite in several processes (pytest-xdist, workers gw0, gw1, ...) against one Redis and one
# media folder: each process (and the Celery worker a test starts, which inherits the variable) keeps its own files
# and its own Redis database for the cache, since tests empty the cache (FLUSHDB) between them. The broker's database
# is left as it is: worker tests use queues of their own.
_XDIST_WORKER = env("PYTEST_XDIST_WORKER", "")  # noqa: F405
if _XDIST_WORKER:
    MEDIA_ROOT = MEDIA_ROOT / _XDIST_WORKER  # noqa: F405
    PRIVATE_MEDIA_ROOT = f"{PRIVATE_MEDIA_ROOT}/{_XDIST_WORKER}"  # noqa: F405
    if CACHE_URL.startswith("redis"):  # noqa: F405
        _base, _, _db = CACHE_URL.rpartition("/")  # noqa: F405
        _db = int(_db) if _db.isdigit() else 0
        CACHES["default"]["LOCATION"] = f"{_base}/{(_db + 1 + int(_XDIST_WORKER.removeprefix('gw'))) % 16}"  # noqa: F405

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# the email fault test points its worker at a local SMTP sink; a developer's EMAIL_BACKEND never reaches tests
EMAIL_BACKEND = env("LENTERA_TEST_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}

# Tests run tasks inline; the worker integration test (tests/portal/test_celery_worker.py) switches this off
# and talks to a real worker through Redis.
CELERY_TASK_ALWAYS_EAGER = True
