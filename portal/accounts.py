"""Accounts: first-time activation of imported employees, the client address and account name that login lockout
counts by, and the throttle on password reset requests."""

import hashlib
import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from .models import Pegawai
from .services import can_manage_pegawai

logger = logging.getLogger(__name__)


# --- who is asking: client address and account name ---------------------------------------------------------------


def client_ip(request):
    """The client's address. Behind TRUSTED_PROXY_COUNT proxies that each append to X-Forwarded-For, the client is
    the entry that many places from the right: entries further left were sent by the client and may be forged."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        return remote
    return forwarded[-count]


def _normalised_login(value):
    value = (value or "").strip()
    candidate = value.replace(" ", "")
    return candidate if candidate.isdigit() else value


def axes_username(request, credentials=None):
    """The account name login failures are counted under (AXES_USERNAME_CALLABLE).

    NipOrUsernameBackend accepts a NIP with spaces as well as the username, so the spellings of one account are
    brought to one name: otherwise each spelling would get its own five attempts."""
    value = (credentials or {}).get("username")
    if value is None:
        data = getattr(request, "data", None) or request.POST
        value = data.get("username", "")
    login = _normalised_login(value)
    if login.isdigit() and len(login) == 18:
        username = get_user_model().objects.filter(pegawai__nip=login).values_list("username", flat=True).first()
        if username:
            return username
    return login


# --- password reset throttle ---------------------------------------------------------------------------------------


def _hit(scope, value, limit, window):
    """Count one request under (scope, value) in a fixed window; False once the count passes `limit`.

    The cache is Redis in production (shared by every process) and per-process memory otherwise. The key is a
    digest so that addresses do not sit in the cache in clear."""
    digest = hashlib.sha256(value.encode()).hexdigest()
    key = f"throttle:{scope}:{digest}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr: this is the first request of a new window
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit


def throttle(scope: str, value: str, *, limit: int, window: int) -> bool:
    """Count one request of `value` (a client address, an account) under `scope` in a fixed window of `window`
    seconds; False once the count passes `limit`. The one cache-based limiter of the project (no rate-limit
    library is installed): password reset requests and the public feedback form both count through it."""
    return _hit(scope, value, limit, window)


def password_reset_allowed(*, email, ip) -> bool:
    """Whether a password reset email may be sent now for this address from this client.

    Every request counts, whether or not the address belongs to an account, so the answer reveals nothing about
    which addresses exist."""
    window = settings.PASSWORD_RESET_WINDOW_SECONDS
    email_ok = _hit("password-reset-email", email.strip().lower(), settings.PASSWORD_RESET_LIMIT_PER_EMAIL, window)
    ip_ok = _hit("password-reset-ip", ip or "", settings.PASSWORD_RESET_LIMIT_PER_IP, window)
    return email_ok and ip_ok


# --- activation of imported accounts -------------------------------------------------------------------------------


def needs_activation(user) -> bool:
    """Active, with an email address, and never given a password (accounts created by an import)."""
    return bool(user.is_active and user.email and not user.has_usable_password())


def activation_link(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("account_activate", kwargs={"uidb64": uid, "token": token})
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def send_activation(*, users: Iterable, actor=None) -> int:
    """Email each user who needs activation a one-time link to set their first password; returns how many were sent.

    The link carries Django's password reset token, which is bound to the (unusable) password: it stops working
    once the first password is set, and after PASSWORD_RESET_TIMEOUT. Users who already have a password, have no
    email or are inactive are skipped (they use "Lupa kata sandi" or ask HR). With an actor (HR resending from the
    employee page) every user must be an employee the actor manages; without one (the import, after HR confirmed
    it) the caller has checked."""
    users = list(users)
    if actor is not None:
        pegawai_by_user = {p.user_id: p for p in Pegawai.objects.filter(user__in=users)}
        for user in users:
            pegawai = pegawai_by_user.get(user.pk)
            if pegawai is None or not can_manage_pegawai(actor, pegawai):
                raise PermissionDenied(_("Anda tidak berwenang mengirim tautan aktivasi untuk akun ini."))
    recipients = [user for user in users if needs_activation(user)]
    if not recipients:
        return 0
    sent = 0
    connection = get_connection()
    # the employee reads it, not the sender: Indonesian whatever language the HR user's screen is in
    with translation.override(settings.LANGUAGE_CODE):
        for user in recipients:
            context = {
                "user": user,
                "name": user.get_full_name() or user.get_username(),
                "username": user.get_username(),
                "link": activation_link(user),
                "days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)),
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
            subject = "".join(render_to_string("portal/email/activation_subject.txt", context).splitlines())
            body = render_to_string("portal/email/activation.txt", context)
            message = EmailMessage(subject, body, None, [user.email], connection=connection)
            try:
                message.send()
            except OSError:
                # one unreachable mailbox must not stop the others; HR can resend from the employee page
                logger.exception("Activation email to user %s failed", user.pk)
                continue
            sent += 1
    logger.info(
        "Activation links sent to %s of %s users by %s", sent, len(users), getattr(actor, "pk", None) or "the system"
    )
    return sent
