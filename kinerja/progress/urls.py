"""URLs of the progress log, bukti dukung and dialog kinerja (included in the `kinerja` namespace)."""

from django.urls import path

from . import views

urlpatterns = [
    path("kinerja/progres/", views.progress, name="progress"),
    path("kinerja/progres/<int:pk>/", views.progress_edit, name="progress_edit"),
    path("kinerja/progres/<int:pk>/hapus/", views.progress_delete, name="progress_delete"),
    path("kinerja/progres/<int:pk>/lampiran/", views.progress_file, name="progress_file"),
    path("kinerja/bukti/<int:pk>/", views.evidence, name="evidence"),
    path("kinerja/bukti/berkas/<int:pk>/", views.evidence_file, name="evidence_file"),
    path("kinerja/bukti/berkas/<int:pk>/hapus/", views.evidence_remove, name="evidence_remove"),
    path("kinerja/dialog/", views.dialogs, name="dialogs"),
    path("kinerja/dialog/tim/", views.dialogs_team, name="dialogs_team"),
    path("kinerja/dialog/<int:pk>/", views.dialog, name="dialog"),
]
