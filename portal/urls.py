from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, reverse_lazy
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import views

account_urls = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "lupa-sandi/",
        auth_views.PasswordResetView.as_view(
            template_name="portal/password_reset.html",
            email_template_name="portal/email/password_reset.txt",
            subject_template_name="portal/email/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
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
    path("notifikasi/", views.notification_list, name="notification_list"),
    path("notifikasi/baca/", views.notification_read, name="notification_read"),
    path("api/v1/", include("portal.api_urls")),
    path("api/v1/", include("kompetensi.api_urls")),
    path("api/v1/", include("kinerja.api_urls")),
    path("", include("home.urls")),
    path("", include("kompetensi.urls")),
    path("", include("kinerja.urls")),
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
