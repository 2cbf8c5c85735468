"""Accounts and abuse (issue 7): login lockout, password reset throttle, NIP timing, activation of imported accounts."""

import base64
import re
from datetime import timedelta
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from portal import accounts
from portal.auth_backends import NipOrUsernameBackend
from portal.tasks import send_activation_emails

from ..factories import PASSWORD, make_pegawai

NEW_PASSWORD = "Lentera-baru-2026!"
LOCKED = "Coba lagi setelah 15 menit"


@pytest.fixture(autouse=True)
def empty_cache():
    # the reset throttle counts in the cache, which is per-process memory in tests and outlives a test
    cache.clear()
    yield
    cache.clear()


def logged_in(client):
    return "_auth_user_id" in client.session


def attempt_login(client, username, password, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


@pytest.fixture
def imported(org):
    """An employee as the import creates them: an account with an email and no usable password."""
    pegawai = make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, username="baru", nama="Rina Baru")
    pegawai.user.set_unusable_password()
    pegawai.user.save()
    return pegawai


# --- login lockout ---------------------------------------------------------------------------------------------------


def test_lockout_after_five_failures_even_with_the_right_password(org, client):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt_login(client, "pegawai", "salah")
        assert response.status_code == 200
        assert "kata sandi salah" in response.content.decode()
    response = attempt_login(client, "pegawai", "salah")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()

    response = attempt_login(client, "pegawai", PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert 'name="username"' in response.content.decode()  # still the login page, with its form
    assert not logged_in(client)


def test_lockout_ends_after_the_cool_off(org, client):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        attempt_login(client, "pegawai", "salah")
    assert attempt_login(client, "pegawai", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(minutes=1))

    response = attempt_login(client, "pegawai", PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


def test_successful_login_resets_the_count(org, client):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt_login(client, "pegawai", "salah")
    assert attempt_login(client, "pegawai", PASSWORD).status_code == 302
    client.logout()
    # without the reset these would be failures 5 to 8, and the right password below would be refused
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt_login(client, "pegawai", "salah").status_code == 200
    assert attempt_login(client, "pegawai", PASSWORD).status_code == 302
    assert logged_in(client)


def test_nip_and_username_of_one_account_count_together(org, client):
    nip = org.pegawai.nip
    spaced = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    for login in ["pegawai", nip, spaced, "pegawai", nip]:
        response = attempt_login(client, login, "salah")
    assert response.status_code == 429
    assert attempt_login(client, nip, PASSWORD).status_code == 429


def test_lockout_holds_one_account_at_one_address_only(org, client):
    """Locking by account alone would let anyone lock a colleague out; by address alone, a whole office."""
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        attempt_login(client, "pegawai", "salah", REMOTE_ADDR="10.1.1.1")
    assert attempt_login(client, "pegawai", PASSWORD, REMOTE_ADDR="10.1.1.1").status_code == 429
    # another employee in the same office
    assert attempt_login(client, "rekan", PASSWORD, REMOTE_ADDR="10.1.1.1").status_code == 302
    client.logout()
    # the owner, from another address
    assert attempt_login(client, "pegawai", PASSWORD, REMOTE_ADDR="10.2.2.2").status_code == 302


def test_lockout_counts_the_client_behind_the_proxy(org, client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(settings.AXES_FAILURE_LIMIT):
        # the client may put anything left of the proxy's entry: it must not escape the count
        forwarded = f"192.0.2.{number}, 203.0.113.7"
        attempt_login(client, "pegawai", "salah", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    response = attempt_login(client, "pegawai", PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert response.status_code == 429
    response = attempt_login(client, "pegawai", PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert response.status_code == 302


def test_lockout_message_in_english(org, client):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        attempt_login(client, "pegawai", "salah")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = attempt_login(client, "pegawai", PASSWORD)
    assert response.status_code == 429
    assert "Try again in 15 minutes" in response.content.decode()


def test_api_has_no_password_login_that_skips_the_lockout(org, client):
    """The API takes a session or a token, never a password: HTTP Basic credentials are not accepted."""
    auth_classes = settings.REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"]
    assert "rest_framework.authentication.BasicAuthentication" not in auth_classes
    basic = base64.b64encode(f"pegawai:{PASSWORD}".encode()).decode()
    response = client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Basic {basic}")
    assert response.status_code in (401, 403)


# --- NIP timing ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "case",
    ["known NIP, wrong password", "unknown NIP", "imported NIP (no password)", "known username", "unknown username"],
)
def test_every_login_runs_the_hasher_once(org, imported, case):
    username = {
        "known NIP, wrong password": org.pegawai.nip,
        "unknown NIP": "199001012015011999",
        "imported NIP (no password)": imported.nip,
        "known username": "pegawai",
        "unknown username": "tidak-ada",
    }[case]
    request = RequestFactory().post("/masuk/")
    with mock.patch.object(MD5PasswordHasher, "encode", autospec=True, side_effect=MD5PasswordHasher.encode) as encode:
        assert NipOrUsernameBackend().authenticate(request, username=username, password="salah") is None
    assert encode.call_count == 1


def test_nip_login_still_works(org, client):
    nip = org.pegawai.nip
    assert NipOrUsernameBackend().authenticate(None, username=nip, password=PASSWORD) == org.pegawai.user
    spaced = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    assert attempt_login(client, spaced, PASSWORD).status_code == 302


# --- password reset throttle -----------------------------------------------------------------------------------------


def reset(client, email, **extra):
    return client.post(reverse("password_reset"), {"email": email}, **extra)


@pytest.mark.parametrize("email", ["pegawai@uji.go.id", "tidak.terdaftar@uji.go.id"])
def test_reset_requests_per_address_are_limited_the_same_for_unknown_addresses(org, client, email):
    for _request in range(settings.PASSWORD_RESET_LIMIT_PER_EMAIL):
        assert reset(client, email).status_code == 302
    response = reset(client, email)
    assert response.status_code == 429
    assert "Terlalu banyak permintaan atur ulang kata sandi" in response.content.decode()
    expected = settings.PASSWORD_RESET_LIMIT_PER_EMAIL if email.startswith("pegawai@") else 0
    assert len(mail.outbox) == expected
    # another address from another client is not affected
    assert reset(client, "rekan@uji.go.id", REMOTE_ADDR="10.9.9.9").status_code == 302


def test_reset_requests_per_client_are_limited(org, client, settings):
    settings.PASSWORD_RESET_LIMIT_PER_IP = 3
    for number in range(3):
        assert reset(client, f"orang{number}@uji.go.id").status_code == 302
    assert reset(client, "pegawai@uji.go.id").status_code == 429
    assert mail.outbox == []
    assert reset(client, "pegawai@uji.go.id", REMOTE_ADDR="10.9.9.9").status_code == 302
    assert len(mail.outbox) == 1


def test_forgotten_password_works_for_an_account_never_given_one(imported, client):
    assert reset(client, "BARU@uji.go.id").status_code == 302
    assert len(mail.outbox) == 1
    path = re.search(r"https?://[^/\s]+(/atur-sandi/\S+)", mail.outbox[0].body).group(1)
    response = client.get(path, follow=True)
    assert response.context["validlink"] is True
    response = client.post(
        response.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert attempt_login(client, imported.nip, NEW_PASSWORD).status_code == 302


def test_forgotten_password_still_skips_inactive_accounts(imported, client):
    imported.user.is_active = False
    imported.user.save()
    assert reset(client, "baru@uji.go.id").status_code == 302
    assert mail.outbox == []


# --- activation ------------------------------------------------------------------------------------------------------


def activation_path(message):
    base = re.escape(settings.WAGTAILADMIN_BASE_URL.rstrip("/"))
    return re.search(rf"{base}(/aktifkan-akun/\S+/)", message.body).group(1)


def test_activation_flow_end_to_end(imported, client):
    assert accounts.send_activation(users=[imported.user]) == 1
    [message] = mail.outbox
    assert message.to == ["baru@uji.go.id"]
    assert "Aktifkan akun" in message.subject
    path = activation_path(message)

    # an anonymous visitor reaches the page: the closed site does not send them to the login form
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert response.context["validlink"] is True
    assert "Aktifkan akun" in response.content.decode()
    response = client.post(
        response.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_activate_done")
    assert "Akun aktif" in client.get(response["Location"]).content.decode()

    imported.user.refresh_from_db()
    assert imported.user.has_usable_password()
    assert attempt_login(client, imported.nip, NEW_PASSWORD).status_code == 302
    assert logged_in(client)

    # the link works once
    client.logout()
    response = client.get(path, follow=True)
    assert response.context["validlink"] is False
    assert "tidak berlaku lagi" in response.content.decode()


def test_activation_rejects_a_weak_password(imported, client):
    accounts.send_activation(users=[imported.user])
    response = client.get(activation_path(mail.outbox[0]), follow=True)
    response = client.post(response.redirect_chain[-1][0], {"new_password1": "12345678", "new_password2": "12345678"})
    assert response.status_code == 200
    imported.user.refresh_from_db()
    assert not imported.user.has_usable_password()


def test_activation_goes_only_to_accounts_that_need_it(org, imported):
    no_email = make_pegawai(org.gorontalo, org.bidang, username="tanpa_email")
    no_email.user.email = ""
    no_email.user.set_unusable_password()
    no_email.user.save()
    inactive = make_pegawai(org.gorontalo, org.bidang, username="nonaktif")
    inactive.user.is_active = False
    inactive.user.set_unusable_password()
    inactive.user.save()
    users = [imported.user, org.pegawai.user, no_email.user, inactive.user]

    assert accounts.send_activation(users=users) == 1
    assert [message.to for message in mail.outbox] == [["baru@uji.go.id"]]


def test_activation_email_is_indonesian_whatever_the_sender_reads(imported):
    with translation.override("en"):
        accounts.send_activation(users=[imported.user])
    assert "Halo baru," in mail.outbox[0].body
    assert "kata sandi pertama" in mail.outbox[0].body


def test_activation_service_checks_the_actor(org, imported):
    with pytest.raises(PermissionDenied):
        accounts.send_activation(users=[imported.user], actor=org.sdm_malut.user)
    with pytest.raises(PermissionDenied):
        accounts.send_activation(users=[imported.user], actor=org.atasan.user)
    assert mail.outbox == []
    assert accounts.send_activation(users=[imported.user], actor=org.sdm.user) == 1


# --- HR resends the activation link ----------------------------------------------------------------------------------


def resend(client, pegawai):
    return client.post(reverse("employee_send_activation", kwargs={"nip": pegawai.nip}))


def test_hr_of_the_instansi_resends_from_the_employee_page(org, imported, login):
    client = login(org.sdm)
    page = client.get(reverse("employee_detail", kwargs={"nip": imported.nip})).content.decode()
    assert "Kirim tautan aktivasi" in page
    response = resend(client, imported)
    assert response.status_code == 302
    assert response["Location"] == reverse("employee_detail", kwargs={"nip": imported.nip})
    assert len(mail.outbox) == 1
    page = client.get(response["Location"]).content.decode()
    assert "Tautan aktivasi dikirim ke baru@uji.go.id" in page


def test_superuser_resends(org, imported, login):
    assert resend(login(org.superadmin), imported).status_code == 302
    assert len(mail.outbox) == 1


def test_resend_for_an_account_with_a_password_sends_nothing(org, login):
    client = login(org.sdm)
    assert (
        "Kirim tautan aktivasi"
        not in client.get(reverse("employee_detail", kwargs={"nip": org.pegawai.nip})).content.decode()
    )
    response = resend(client, org.pegawai)
    assert response.status_code == 302
    assert mail.outbox == []
    assert "tidak dikirim" in client.get(response["Location"]).content.decode()


def test_hr_of_another_instansi_gets_404(org, imported, login):
    assert resend(login(org.sdm_malut), imported).status_code == 404
    assert mail.outbox == []


def test_plain_employees_may_not_resend(org, imported, login):
    # the new employee reports to atasan, who sees them but does not manage accounts
    client = login(org.atasan)
    assert (
        "Kirim tautan aktivasi"
        not in client.get(reverse("employee_detail", kwargs={"nip": imported.nip})).content.decode()
    )
    assert resend(client, imported).status_code == 403
    # a colleague who cannot see them at all
    assert resend(login(org.rekan), imported).status_code == 404
    assert mail.outbox == []


def test_resend_is_post_only(org, imported, login):
    assert login(org.sdm).get(reverse("employee_send_activation", kwargs={"nip": imported.nip})).status_code == 405
    assert mail.outbox == []


def test_client_ip_takes_the_proxy_entry(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4")
    settings.TRUSTED_PROXY_COUNT = 0
    assert accounts.client_ip(request) == "127.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert accounts.client_ip(request) == "198.51.100.4"
    settings.TRUSTED_PROXY_COUNT = 2
    assert accounts.client_ip(request) == "6.6.6.6"


def test_wagtail_admin_reset_is_off_so_the_throttle_cannot_be_sidestepped(org, client, login):
    response = client.post("/admin/password_reset/", {"email": "pegawai@uji.go.id"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    response = login(org.konten).post("/admin/password_reset/", {"email": "pegawai@uji.go.id"})
    assert response.status_code == 404
    assert mail.outbox == []


def test_wagtail_admin_login_is_locked_too(org, client):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "sdm", "password": "salah"})
    response = client.post("/admin/login/", {"username": "sdm", "password": PASSWORD})
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert not logged_in(client)


def test_activation_task_for_the_import(org, imported):
    assert send_activation_emails.delay([imported.user.pk, org.pegawai.user.pk]).get() == 1
    assert [message.to for message in mail.outbox] == [["baru@uji.go.id"]]


@pytest.mark.parametrize(
    ("data", "messages"),
    [
        ({"username": "", "password": ""}, ["Isi NIP atau nama pengguna Anda.", "Isi kata sandi Anda."]),
        ({"username": "pegawai", "password": ""}, ["Isi kata sandi Anda."]),
        ({"username": "", "password": "x"}, ["Isi NIP atau nama pengguna Anda."]),
    ],
)
def test_an_incomplete_login_form_says_what_is_missing(db, client, data, messages):
    html = client.post("/masuk/", data).content.decode()
    assert "Lengkapi isian yang ditandai" in html
    for message in messages:
        assert message in html
