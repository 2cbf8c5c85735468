"""Settings shared by every environment. Everything is read from environment variables, with the
embedded default (SQLite file, inline tasks, console email) when a variable is unset."""

import json
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from portal.api_enums import RegisteredEnumNames

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # our apps first, so their templates and translations win over the libraries'
    "portal",
    "home",
    "kompetensi",
    "kinerja",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "import_export",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # pages travel compressed over weak regional connections (Django masks the CSRF token and pads the gzip
    # header per response against BREACH); static files come compressed from whitenoise
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.CachedSiteMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # the intranet is closed: every view needs login unless marked @login_not_required
    "portal.middleware.LoginRequiredMiddleware",
    "portal.middleware.InstansiTimezoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # a signed-in employee who is not an editor gets a plain 403 on /admin/, not a login redirect loop
    "portal.middleware.AdminForEditorsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # admin views addressed by an id answer 404 for another instansi's object (guards registered by the apps)
    "portal.middleware.AdminObjectScopeMiddleware",
    # last, as django-axes asks: turns a locked-out login into the lockout page (portal.views.lockout_response)
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.portal",
            ],
        },
    },
]

# SQLite (the embedded default) for one person with many tabs: the dev server answers each tab in its own thread,
# and without these a second writer gets "database is locked", a 500.
# - WAL: readers never wait for the writer, and the writer never waits for readers;
# - IMMEDIATE: a transaction takes the write lock at BEGIN, so a transaction that read first can always write later
#   (a deferred one that tries to upgrade after another writer committed fails at once, without waiting);
# - timeout: a writer waits up to 20 s for the other writer instead of failing.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def database_settings(url, conn_max_age):
    """One entry of DATABASES from a database URL; SQLite gets SQLITE_OPTIONS, other databases are left alone."""
    database = dj_database_url.parse(url, conn_max_age=conn_max_age)
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = {**SQLITE_OPTIONS, **database.get("OPTIONS", {})}
    return database


DATABASES = {
    "default": database_settings(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
    )
}
# A read replica for HR reports and exports (portal.db_router.from_replica); everything else reads the primary.
if env("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = database_settings(
        env("DATABASE_REPLICA_URL"), conn_max_age=int(env("DB_CONN_MAX_AGE", "60"))
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["portal.db_router.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # first: refuses every password check while the account is locked out, before any backend hashes anything
    "axes.backends.AxesStandaloneBackend",
    "portal.auth_backends.NipOrUsernameBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes). Failures are stored in the database (AccessAttempt), which every gunicorn process
# shares, whatever the cache is. We lock the pair (account, client IP) and not either one alone:
# - by IP alone, one mistyping colleague would lock out a whole office: many kantor share one public address (NAT);
# - by account alone, anyone who knows a NIP (it is printed on letters and decrees) could keep its owner locked out
#   from everywhere by failing on purpose.
# The pair stops guessing one account's password from one place, and its owner can still log in from elsewhere.
# Spreading guesses over many accounts from one address is not stopped by this; the account name is normalised
# (portal.accounts.axes_username) so that NIP and username of one account count together.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# No table of every successful login (personal data that would grow forever); failures are kept only until their
# cool-off has passed.
AXES_DISABLE_ACCESS_LOG = True
AXES_USERNAME_CALLABLE = "portal.accounts.axes_username"
AXES_CLIENT_IP_CALLABLE = "portal.accounts.client_ip"
AXES_LOCKOUT_CALLABLE = "portal.views.lockout_response"
# Number of reverse proxies in front of Django that append to X-Forwarded-For (nginx in production); 0 means
# REMOTE_ADDR is the client. Used for login lockout and for throttling password reset requests.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
# Password reset requests per hour: per address asked for, and per client IP (higher: an office shares one IP).
PASSWORD_RESET_LIMIT_PER_EMAIL = int(env("PASSWORD_RESET_LIMIT_PER_EMAIL", "5"))
PASSWORD_RESET_LIMIT_PER_IP = int(env("PASSWORD_RESET_LIMIT_PER_IP", "20"))
PASSWORD_RESET_WINDOW_SECONDS = 60 * 60
# Public feedback form (/umpan-balik/<token>/): ratings per hour from one client address, for one service point and
# for all of them (higher: a service counter's tablet or an office behind NAT shares one address), and the fewest
# seconds a person needs to fill the form (a quicker answer is a program's).
PUBLIC_FEEDBACK_LIMIT_PER_POINT = int(env("PUBLIC_FEEDBACK_LIMIT_PER_POINT", "5"))
PUBLIC_FEEDBACK_LIMIT_PER_CLIENT = int(env("PUBLIC_FEEDBACK_LIMIT_PER_CLIENT", "30"))
PUBLIC_FEEDBACK_WINDOW_SECONDS = 60 * 60
PUBLIC_FEEDBACK_MIN_SECONDS = float(env("PUBLIC_FEEDBACK_MIN_SECONDS", "3"))

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
WAGTAILADMIN_LOGIN_URL = "/masuk/"
WAGTAIL_FRONTEND_LOGIN_URL = "/masuk/"
# an expired form gets an Indonesian page that says to reload it, not Django's English "403 Forbidden"
CSRF_FAILURE_VIEW = "portal.errors.csrf_failure"

# Indonesian first, English second. Stored times are UTC; each request is shown in the time zone
# of the user's instansi (portal.middleware).
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
PRIVATE_MEDIA_ROOT = env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private"))
# set (e.g. "/_private/") when nginx serves private files from an internal location (docs/deployment.md)
PRIVATE_FILES_X_ACCEL_REDIRECT = env("PRIVATE_FILES_X_ACCEL_REDIRECT", "")
# Uploaded media behind Django's storage API: the file system by default; S3-compatible object storage through
# django-storages when a deployment sets MEDIA_STORAGE_BACKEND=storages.backends.s3.S3Storage and its options as
# JSON in MEDIA_STORAGE_OPTIONS (bucket, endpoint, keys), likewise PRIVATE_STORAGE_BACKEND for private files.
STORAGES = {
    "default": {
        "BACKEND": env("MEDIA_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": json.loads(env("MEDIA_STORAGE_OPTIONS", "{}")),
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": env("PRIVATE_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": json.loads(env("PRIVATE_STORAGE_OPTIONS", "null"))
        or {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# uploads of imports: 10 MB is far more than 20,000 rows of pegawai
IMPORT_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
IMPORT_ASYNC_ROW_THRESHOLD = 2000
IMPORT_MAX_ROWS = int(env("IMPORT_MAX_ROWS", "25000"))
# a queued or running import whose worker has given no sign of life for this long has died with it
IMPORT_STALE_AFTER_SECONDS = int(env("IMPORT_STALE_AFTER_SECONDS", str(10 * 60)))
# uploads are personal data: kept while HR may need them, then deleted (the job row and its summary stay)
IMPORT_RETENTION_DAYS = int(env("IMPORT_RETENTION_DAYS", "30"))
IMPORT_PREVIEW_RETENTION_DAYS = int(env("IMPORT_PREVIEW_RETENTION_DAYS", "2"))
IMPORT_ERRORS_PER_PAGE = 50
# A cache shared by web and worker processes (import progress is written by the Celery worker while its
# transaction is open). CACHE_URL, else Redis when Celery uses it, else per-process memory.
CACHE_URL = env("CACHE_URL", env("CELERY_BROKER_URL", "") if env("CELERY_BROKER_URL", "").startswith("redis") else "")
# sessions are read from the cache and written through to the database (one query less on every request)
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL, "KEY_PREFIX": "lentera"}
        if CACHE_URL
        # room for the frames, sessions and users of everyone on a single-process embedded install
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 20000}}
    )
}

# Email: EMAIL_URL-free, plain SMTP settings; console by default.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Lentera <noreply@lentera.go.id>")
# Django waits forever on a mail server that accepts the connection and then says nothing; bound each socket
# operation so a send ends well inside NOTIFICATION_EMAIL_LEASE.
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "30"))
# Notification emails (portal.notification_email). A send claims the email for LEASE seconds: a worker killed
# mid-send leaves a claim that expires, and then the resend sweep sends again (same Message-ID). The lease is
# longer than one SMTP conversation can last with EMAIL_TIMEOUT on each step. A failed send is tried again after
# BACKOFF, 2 x BACKOFF, 4 x BACKOFF ... at most BACKOFF_MAX apart, so an hour's outage loses nothing; after
# GIVE_UP the email is dropped and the drop recorded (the notification stays in the app).
NOTIFICATION_EMAIL_LEASE = int(env("NOTIFICATION_EMAIL_LEASE", "300"))
NOTIFICATION_EMAIL_BACKOFF = int(env("NOTIFICATION_EMAIL_BACKOFF", "60"))
NOTIFICATION_EMAIL_BACKOFF_MAX = int(env("NOTIFICATION_EMAIL_BACKOFF_MAX", "3600"))
NOTIFICATION_EMAIL_GIVE_UP = int(env("NOTIFICATION_EMAIL_GIVE_UP", str(3 * 24 * 60 * 60)))
# at most this many emails are queued by one run of the sweep; the next run takes the rest
NOTIFICATION_EMAIL_SWEEP_BATCH = 500

# Celery: with no broker configured, tasks run inline in the request (the embedded default).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", CELERY_BROKER_URL or None)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# With late acks, a message a killed worker had reserved goes back to the queue only after Redis' visibility
# timeout (one hour by default: emails arrived an hour late). Ten minutes: longer than the hard time limit of
# every task (9 minutes, below), because a task still running when the timeout passes is delivered a second time
# to another worker. No task uses an ETA or countdown (those must stay under the timeout too): retries of emails
# are scheduled by the resend sweep, not by Celery.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": int(env("CELERY_VISIBILITY_TIMEOUT", "600"))}
# Tasks are fire-and-forget: storing every result filled Redis with keys nobody reads. A task whose result is
# read says so with ignore_result=False.
CELERY_TASK_IGNORE_RESULT = True
# Every task ends inside the visibility timeout, so a running task is never handed to a second worker. The longest
# is the import (portal.tasks.run_import_task): 2,000 rows ran in 23 s on a busy 2-core test machine, so the
# largest upload, 20,000 rows, needs about 4 minutes; 8 minutes leave it room. Tasks that must end sooner (the
# notification email) set tighter limits.
CELERY_TASK_SOFT_TIME_LIMIT = 480
CELERY_TASK_TIME_LIMIT = 540
CELERY_TIMEZONE = "UTC"
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# Periodic jobs (Celery beat) are registered by each module in portal.beat, added by portal/celery.py.
CELERY_BEAT_SCHEDULE = {}

# Wagtail's own background work (search index updates, reference index) runs in the request:
# it is small and must be visible at once to the editor who made the change.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAIL_SITE_NAME = "Lentera"
# no avatar requests to gravatar.com: an intranet may be offline, and editors' e-mail hashes stay inside
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# PostgreSQL full text (SQLite with Indonesian stems on the embedded default) unless SEARCH_BACKEND names another
# Wagtail backend, e.g. wagtail.search.backends.elasticsearch8 (OpenSearch speaks its protocol) with SEARCH_URLS.
SEARCH_BACKEND = env("SEARCH_BACKEND", "portal.search_backend")
WAGTAILSEARCH_BACKENDS = {
    "default": (
        {"BACKEND": SEARCH_BACKEND, "SEARCH_CONFIG": "indonesian"}
        if SEARCH_BACKEND == "portal.search_backend"
        else {
            "BACKEND": SEARCH_BACKEND,
            "URLS": env("SEARCH_URLS", "http://127.0.0.1:9200").split(","),
            "INDEX": env("SEARCH_INDEX", "lentera"),
        }
    )
}
# documents always go through Wagtail's serve view, where the before_serve_document hook checks instansi and page
# privacy (home/media_access.py); never a redirect to a public media URL
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# One "Lupa kata sandi" form, ours (/lupa-sandi/): it is throttled and reaches imported accounts. Wagtail's copy in
# the admin would be a second, unthrottled way to send reset emails.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # error bodies in the user's language, not Django's English 404 messages
    "EXCEPTION_HANDLER": "portal.errors.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Lentera API",
    "DESCRIPTION": "API intranet Lentera untuk ASN.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "PREPROCESSING_HOOKS": ["portal.api_schema.only_lentera_api"],
    # several models have a `status` choice field: each module names its enums (portal.api_enums)
    "ENUM_NAME_OVERRIDES": RegisteredEnumNames(),
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    # served from our own static files: the intranet may have no internet access
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# True only in production settings; load_demo refuses to run there.
IS_PRODUCTION = False
