from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, reverse_lazy
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import app_urls, errors, views

# 400, 403 and 500 are Django's own handlers with our templates (templates/400.html ...); 404 also answers the API.
handler404 = errors.page_not_found

account_urls = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("lupa-sandi/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "lupa-sandi/terkirim/",
        auth_views.PasswordResetDoneView.as_view(template_name="portal/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "atur-sandi/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(template_name="portal/password_reset_confirm.html"),
        name="password_reset_confirm",
    ),
    path(
        "atur-sandi/selesai/",
        auth_views.PasswordResetCompleteView.as_view(template_name="portal/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    # first password of an account created by an import; the link comes by email (portal.accounts.send_activation)
    path(
        "aktifkan-akun/<uidb64>/<token>/",
        login_not_required(views.ActivationView.as_view()),
        name="account_activate",
    ),
    path(
        "aktifkan-akun/selesai/",
        login_not_required(views.ActivationDoneView.as_view()),
        name="account_activate_done",
    ),
    path(
        "ganti-sandi/",
        auth_views.PasswordChangeView.as_view(
            template_name="portal/password_change.html", success_url=reverse_lazy("password_change_done")
        ),
        name="password_change",
    ),
    path(
        "ganti-sandi/selesai/",
        auth_views.PasswordChangeDoneView.as_view(template_name="portal/password_change_done.html"),
        name="password_change_done",
    ),
]

urlpatterns = [
    *account_urls,
    path("healthz", views.healthz, name="healthz"),
    path("bahasa/", login_not_required(set_language), name="set_language"),
    path("pegawai/", views.employee_list, name="employee_list"),
    path("pegawai/<str:nip>/", views.employee_detail, name="employee_detail"),
    path("pegawai/<str:nip>/kirim-aktivasi/", views.send_activation, name="employee_send_activation"),
    path("tim/", views.team, name="team"),
    path("tim/<int:pk>/ingatkan/", views.team_remind, name="team_remind"),
    path("notifikasi/", views.notification_list, name="notification_list"),
    path("notifikasi/baca/", views.notification_read, name="notification_read"),
    path("notifikasi/<int:pk>/", views.notification_open, name="notification_open"),
    path("api/v1/", include("portal.api_urls")),
    *app_urls.includes("api_urls", "api/v1/"),
    *app_urls.includes("urls"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    # Wagtail images and renditions only: documents go through /dokumen/ (checked per instansi), and private files
    # live outside MEDIA_ROOT (portal/private_storage.py)
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns.append(
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>(?:images|original_images)/.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

# Wagtail's page serving comes last: it catches every remaining path.
urlpatterns.append(path("", include(wagtail_urls)))
