"""REST endpoints of career development (included by kinerja/api_urls.py under /api/v1/)."""

from django.urls import path

from . import api

urlpatterns = [path("karier/eligibility/", api.EligibilityView.as_view(), name="karier-eligibility")]
