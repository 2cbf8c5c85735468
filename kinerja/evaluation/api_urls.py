"""REST endpoints of evaluation (included by kinerja/api_urls.py under /api/v1/)."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("kinerja/evaluations", api.EvaluationViewSet, basename="kinerja-evaluation")

urlpatterns = [path("", include(router.urls))]
