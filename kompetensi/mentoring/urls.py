from django.urls import path

from . import views

app_name = "mentoring"

urlpatterns = [
    path("mentoring/", views.home, name="home"),
    path("mentoring/pasangan/<int:pk>/", views.pair_detail, name="pair"),
    path("mentoring/pasangan/<int:pk>/sesi/baru/", views.session_new, name="session_new"),
    path("mentoring/pasangan/<int:pk>/kesepakatan/", views.agreement_edit, name="agreement"),
    path("mentoring/pasangan/<int:pk>/akhiri/", views.pair_end, name="pair_end"),
    path("mentoring/pasangan/<int:pk>/umpan-balik/", views.feedback, name="feedback"),
    path("mentoring/sesi/<int:pk>/konfirmasi/", views.session_confirm, name="session_confirm"),
    path("mentoring/sesi/<int:pk>/sanggah/", views.session_dispute, name="session_dispute"),
    path("mentoring/program/", views.programmes, name="programmes"),
    path("mentoring/program/baru/", views.programme_form, name="programme_create"),
    path("mentoring/program/<int:pk>/", views.programme_detail, name="programme"),
    path("mentoring/program/<int:pk>/ubah/", views.programme_form, name="programme_edit"),
    path("mentoring/program/<int:pk>/pasangan/baru/", views.pair_new, name="pair_new"),
    path("mentoring/program/<int:pk>/laporan.xlsx", views.programme_export, name="programme_export"),
]
