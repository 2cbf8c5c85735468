"""The intranet is closed: walk every URL in the resolver as an anonymous user, then as every role."""

import pytest
from django.urls import Resolver404, resolve

from .urlwalk import iter_urls

# Paths that an issue names as public (prefix match), and what they may answer.
PUBLIC_PREFIXES = (
    "/masuk/",
    "/lupa-sandi/",
    "/atur-sandi/",
    "/aktifkan-akun/",  # first password of an imported account, from an emailed link (issue 7)
    "/healthz",
    "/bahasa/",
    "/sertifikat/",  # certificate verification (issue 4)
    "/umpan-balik/",  # public feedback on a service, found by its unguessable token (issue 11)
    "/pelatihan/kalender/",  # personal calendar feed: calendar apps cannot log in, a secret token in the URL does
    "/static/",
    "/media/",
    "/admin/login/",  # Wagtail's admin login form
    "/admin/password_reset/",
    "/_util/",  # Wagtail's login/password forms for restricted pages
)
ROLES = ["pegawai", "atasan", "sdm", "pimpinan", "konten", "pelatihan", "sdm_malut", "superadmin"]


# Wagtail's deliberate crash page for testing error reporting.
DELIBERATE_ERRORS = {"/admin/failwhale/"}


def concrete_urls():
    seen = {}
    for path, pattern in iter_urls():
        if path in DELIBERATE_ERRORS:
            continue
        try:
            resolve(path)
        except Resolver404:
            continue
        seen.setdefault(path, pattern)
    return sorted(seen)


def is_public(path):
    return path.startswith(PUBLIC_PREFIXES)


def is_api(path):
    return path.startswith("/api/")


@pytest.fixture(scope="module")
def urls():
    found = concrete_urls()
    assert len(found) > 100, "the walk should cover the whole resolver, Wagtail admin included"
    return found


@pytest.mark.django_db
def test_anonymous_is_sent_to_login_everywhere(client, urls):
    wrong = []
    for path in urls:
        if is_public(path):
            continue
        response = client.get(path)
        if is_api(path):
            ok = response.status_code in (401, 403, 404)
        else:
            # Wagtail's admin fallback view sends to its own login form, which is also a login page
            ok = response.status_code == 302 and response["Location"].startswith(("/masuk/", "/admin/login/"))
        if not ok:
            wrong.append((path, response.status_code, response.get("Location")))
    assert not wrong, wrong


@pytest.mark.django_db
def test_public_pages_answer_anonymous(client, urls):
    for path in ("/masuk/", "/lupa-sandi/", "/healthz"):
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("role", ROLES)
def test_every_url_for_every_role_never_errors(org, client, urls, role):
    """No page crashes or leaks for any role: answers are 2xx/3xx/403/404/405, never 500."""
    user = getattr(org, role)
    client.force_login(getattr(user, "user", user))
    failures = []
    for path in urls:
        if path.startswith(("/static/", "/media/", "/keluar/")):
            continue
        try:
            response = client.get(path)
        except Exception as error:  # the walk reports every crash at once
            failures.append((path, repr(error)[:200]))
            continue
        if response.status_code >= 500:
            failures.append((path, response.status_code))
    assert not failures, failures
