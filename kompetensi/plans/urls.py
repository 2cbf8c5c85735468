from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.my_plan, name="mine"),
    path("mulai/", views.start, name="start"),
    path("menunggu/", views.waiting, name="waiting"),
    path("cakupan/", views.coverage, name="coverage"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/status/", views.transition, name="transition"),
]
