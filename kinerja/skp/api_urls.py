"""REST endpoints of SKP (included by kinerja/api_urls.py under /api/v1/)."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("kinerja/skp", api.SkpViewSet, basename="kinerja-skp")

urlpatterns = [
    path("kinerja/skp/me/", api.MeSkpView.as_view(), name="api-kinerja-skp-me"),
    path("", include(router.urls)),
]
