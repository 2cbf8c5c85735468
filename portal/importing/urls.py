from django.urls import path

from . import views

urlpatterns = [
    path("", views.ImportIndexView.as_view(), name="index"),
    path("templat/<slug:kind>.<str:fmt>", views.template_download, name="template"),
    path("<int:pk>/", views.ImportJobView.as_view(), name="job"),
    path("<int:pk>/konfirmasi/", views.confirm, name="confirm"),
    path("<int:pk>/status/", views.job_status, name="status"),
    path("<int:pk>/ulang/", views.retry, name="retry"),
    path("<int:pk>/batal/", views.cancel, name="cancel"),
]
