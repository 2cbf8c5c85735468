from django.urls import include, path
from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("training/sessions", api.SessionViewSet, basename="training-session")
router.register("training/enrolments", api.EnrolmentViewSet, basename="training-enrolment")

urlpatterns = [
    path("training/me/", api.MeTrainingView.as_view(), name="api-training-me"),
    path("", include(router.urls)),
]
