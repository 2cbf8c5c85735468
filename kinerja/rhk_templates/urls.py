"""Pages of RHK templates (included by kinerja/urls.py under the app's namespace): HR of the instansi only."""

from django.urls import path

from . import views

urlpatterns = [
    path("kinerja/templat-rhk/", views.template_list, name="rhk_templates"),
    path("kinerja/templat-rhk/baru/", views.template_create, name="rhk_template_create"),
    path("kinerja/templat-rhk/<int:pk>/", views.template_edit, name="rhk_template_edit"),
    path("kinerja/templat-rhk/<int:pk>/aktif/", views.template_active, name="rhk_template_active"),
]
