from django.urls import path

from . import views

app_name = "insight"

urlpatterns = [
    path("", views.organisation, name="organisation"),
    path("unit/<int:pk>/", views.unit, name="unit"),
]
