"""REST endpoint of peer feedback (included by kinerja/api_urls.py under /api/v1/)."""

from django.urls import path

from . import api

urlpatterns = [
    path("kinerja/peer/results/<int:employee_id>/", api.PeerResultView.as_view(), name="api-kinerja-peer-results"),
]
