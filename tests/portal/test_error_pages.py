"""Error answers speak the user's language in the site's frame: the 400/403/404/500 pages, the expired-form (CSRF)
page, the API's error bodies, and the admin's refusal of employees who are not editors (which used to be a login
redirect loop). Indonesian by default, English when the user chose it."""

import pytest
from django.template import loader
from django.test import Client
from django.utils import translation
from rest_framework.test import APIClient

from home.demo import ensure_home_page

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}
DJANGO_DEFAULTS = ("Not Found", "403 Forbidden", "Server Error (500)", "Bad Request (400)", "CSRF verification")


@pytest.fixture
def failing_urls(settings):
    settings.ROOT_URLCONF = "tests.portal.error_urls"


def page(response):
    text = response.content.decode()
    for default in DJANGO_DEFAULTS:
        assert default not in text
    return text


def in_frame(text):
    return 'class="site-header"' in text and "css/lentera.css" in text


# 404


def test_unknown_page_is_an_indonesian_404_with_home_and_search(org, login):
    ensure_home_page(org.gorontalo)  # Wagtail serves the site and answers the 404 itself
    response = login(org.pegawai).get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    text = page(response)
    assert '<html lang="id">' in text and in_frame(text)
    assert "Halaman tidak ditemukan" in text
    assert 'href="/"' in text and "Kembali ke beranda" in text
    assert 'href="/cari/"' in text and "Cari di Lentera" in text
    assert "Siti Pegawai" in text  # the user's own menu: the frame is the normal one


def test_404_raised_in_a_view_is_english_when_chosen(org, login):
    client = login(org.pegawai)
    client.post("/bahasa/", {"language": "en", "next": "/"})
    response = client.get("/pegawai/000000000000000000/")
    assert response.status_code == 404
    text = page(response)
    assert '<html lang="en">' in text
    assert "Page not found" in text and "Back to the home page" in text and "Search Lentera" in text
    assert "Halaman tidak ditemukan" not in text


def test_404_follows_accept_language(org, login):
    text = page(login(org.pegawai).get("/tidak-ada-halaman-ini/", **ENGLISH))
    assert "Page not found" in text


# 403


def test_permission_denied_in_a_view_is_an_indonesian_403_naming_who_to_ask(org, login):
    # an employee may not send their own activation link: only HR may (portal.views.send_activation)
    response = login(org.pegawai).post(f"/pegawai/{org.pegawai.nip}/kirim-aktivasi/")
    assert response.status_code == 403
    text = page(response)
    assert in_frame(text)
    assert "Anda tidak memiliki akses ke halaman ini" in text
    assert "atasan Anda atau Admin SDM" in text
    assert 'href="/"' in text


def test_403_in_english(org, login):
    response = login(org.pegawai).post(f"/pegawai/{org.pegawai.nip}/kirim-aktivasi/", **ENGLISH)
    assert response.status_code == 403
    text = page(response)
    assert "You do not have access to this page" in text and "your supervisor or your instansi's HR admin" in text


# 500


@pytest.mark.parametrize(
    ("headers", "expected", "lang"),
    [({}, "Terjadi kesalahan di server", "id"), (ENGLISH, "Something went wrong on the server", "en")],
)
def test_a_crashing_view_gets_the_500_page(org, login, failing_urls, headers, expected, lang):
    client = login(org.pegawai)
    client.raise_request_exception = False
    response = client.get("/uji/rusak/", **headers)
    assert response.status_code == 500
    text = page(response)
    assert expected in text and f'<html lang="{lang}">' in text
    assert in_frame(text) and 'href="/"' in text


def test_500_page_needs_no_request_and_no_database(db, django_assert_num_queries):
    """Django renders 500.html with no context at all; whatever broke must not break the error page too."""
    with django_assert_num_queries(0), translation.override("id"):
        text = loader.get_template("500.html").render()
    assert "Terjadi kesalahan di server" in text and "Kembali ke beranda" in text


# 400


def test_400_page_is_indonesian(db):
    with translation.override("id"):
        text = loader.get_template("400.html").render({})
    assert "Permintaan tidak dapat diproses" in text


# CSRF


def test_expired_form_is_an_indonesian_page_that_says_to_reload(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/masuk/", {"username": "x", "password": "y"}, HTTP_REFERER="http://testserver/masuk/")
    assert response.status_code == 403
    text = page(response)
    assert in_frame(text)
    assert "Formulir sudah kedaluwarsa" in text and "Muat ulang halaman formulir" in text
    assert 'href="http://testserver/masuk/"' in text  # back to the form


def test_expired_form_page_in_english_links_no_foreign_referer(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/masuk/", {}, HTTP_REFERER="https://elsewhere.example/masuk/", **ENGLISH)
    assert response.status_code == 403
    text = page(response)
    assert "The form has expired" in text and "elsewhere.example" not in text


# API


@pytest.fixture
def api():
    return APIClient()


def test_api_errors_are_indonesian_by_default(org, api, failing_urls):
    # 403 rather than 401: session authentication comes first and sends no WWW-Authenticate challenge
    anonymous = api.get("/api/v1/me/")
    assert anonymous.status_code == 403 and anonymous.json() == {"detail": "Data autentikasi tidak diberikan."}
    api.force_authenticate(org.pegawai.user)
    missing = api.get("/api/v1/employees/000000000000000000/")
    assert missing.status_code == 404 and missing.json() == {"detail": "Data tidak ditemukan."}
    refused = api.get("/api/v1/uji/khusus-admin/")
    assert refused.status_code == 403
    assert refused.json() == {"detail": "Anda tidak memiliki izin untuk melakukan tindakan ini."}


def test_api_errors_follow_accept_language(org, api, failing_urls):
    assert api.get("/api/v1/me/", **ENGLISH).json() == {"detail": "Authentication credentials were not provided."}
    api.force_authenticate(org.pegawai.user)
    assert api.get("/api/v1/employees/000000000000000000/", **ENGLISH).json() == {"detail": "Not found."}
    refused = api.get("/api/v1/uji/khusus-admin/", **ENGLISH).json()
    assert refused == {"detail": "You do not have permission to perform this action."}


def test_api_errors_follow_the_language_the_user_chose(org, login):
    client = login(org.pegawai)
    client.post("/bahasa/", {"language": "en", "next": "/"})
    assert client.get("/api/v1/employees/000000000000000000/").json() == {"detail": "Not found."}


def test_unknown_api_address_answers_json_not_a_page(org, api):
    api.force_login(org.pegawai.user)  # a session: no API view runs to take a forced authentication
    response = api.get("/api/v1/tidak-ada/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Data tidak ditemukan."}
    assert api.get("/api/v1/tidak-ada/", **ENGLISH).json() == {"detail": "Not found."}


# the admin


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/"])
def test_employee_without_admin_role_gets_a_plain_403_on_the_admin(org, login, path):
    response = login(org.pegawai).get(path)
    assert response.status_code == 403
    assert "Location" not in response
    text = page(response)
    assert in_frame(text)
    assert "Halaman admin hanya untuk pengelola konten dan admin" in text
    assert "Admin Konten" in text and "Admin SDM" in text  # the roles to ask for
    assert 'href="/"' in text and "Kembali ke beranda" in text


def test_admin_refusal_in_english(org, login):
    text = page(login(org.pegawai).get("/admin/", **ENGLISH))
    assert "The admin is only for content editors and administrators" in text


def test_admin_konten_still_reaches_the_admin_dashboard(org, login):
    assert login(org.konten).get("/admin/").status_code == 200


def test_superadmin_still_reaches_the_admin(org, login):
    assert login(org.superadmin).get("/admin/").status_code == 200


def test_anonymous_is_still_sent_to_log_in_from_the_admin(db, client):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(("/masuk/", "/admin/login/"))
