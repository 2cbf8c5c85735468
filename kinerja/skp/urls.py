"""Pages of SKP (included by kinerja/urls.py under the app's namespace)."""

from django.urls import path

from . import views

urlpatterns = [
    path("kinerja/skp/", views.my_skp, name="my_skp"),
    path("kinerja/skp/mulai/", views.start, name="start"),
    path("kinerja/skp/persetujuan/", views.queue, name="queue"),
    path("kinerja/skp/<int:pk>/", views.skp_detail, name="skp_detail"),
    path("kinerja/skp/<int:pk>/rhk/", views.rhk_create, name="rhk_create"),
    path("kinerja/skp/<int:pk>/lampiran/", views.details, name="details"),
    path("kinerja/skp/<int:pk>/ajukan/", views.submit, name="submit"),
    path("kinerja/skp/<int:pk>/revisi/", views.revise, name="revise"),
    path("kinerja/skp/<int:pk>/putuskan/", views.decide, name="decide"),
    path("kinerja/skp/<int:pk>/ekspektasi/", views.expectations, name="expectations"),
    path("kinerja/rhk/<int:pk>/", views.rhk_edit, name="rhk_edit"),
    path("kinerja/rhk/<int:pk>/hapus/", views.rhk_delete, name="rhk_delete"),
    path("kinerja/rhk/<int:pk>/iki/", views.iki_create, name="iki_create"),
    path("kinerja/iki/<int:pk>/", views.iki_edit, name="iki_edit"),
    path("kinerja/iki/<int:pk>/hapus/", views.iki_delete, name="iki_delete"),
    path("kinerja/periode/", views.periods, name="periods"),
    path("kinerja/plt-plh/", views.acting, name="acting"),
    path("kinerja/kelola/kesehatan-data/", views.data_health, name="data_health"),
]
