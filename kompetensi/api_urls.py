from django.urls import include, path
from rest_framework.routers import SimpleRouter

from . import api
from .competency import api as competency_api
from .competency import api_profiles
from .mentoring import api as mentoring_api
from .plans import api as plans_api

router = SimpleRouter()
router.register("training/sessions", api.SessionViewSet, basename="training-session")
router.register("training/enrolments", api.EnrolmentViewSet, basename="training-enrolment")
router.register("mentoring/sessions", mentoring_api.MentoringSessionViewSet, basename="mentoring-session")

urlpatterns = [
    path("training/me/", api.MeTrainingView.as_view(), name="api-training-me"),
    path("competency/dictionary/", competency_api.DictionaryView.as_view(), name="api-competency-dictionary"),
    path("competency/me/", api_profiles.MyCompetencyView.as_view(), name="api-competency-me"),
    path(
        "competency/employees/<int:pk>/",
        api_profiles.EmployeeCompetencyView.as_view(),
        name="api-competency-employee",
    ),
    path("competency/plans/me/", plans_api.MyPlanView.as_view(), name="api-competency-plans-me"),
    path("", include(router.urls)),
]
