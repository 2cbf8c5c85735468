"""The project's URLs plus views that fail on purpose, for tests/portal/test_error_pages.py."""

from django.urls import path
from rest_framework.permissions import IsAdminUser
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.urls import handler404  # noqa: F401 (handler404 is used by Django)
from portal.urls import urlpatterns as project_urlpatterns


def broken(request):
    raise RuntimeError("a view that crashes")


class AdminOnlyApi(APIView):
    permission_classes = [IsAdminUser]

    def get(self, request):
        return Response({})


urlpatterns = [
    path("uji/rusak/", broken),
    path("api/v1/uji/khusus-admin/", AdminOnlyApi.as_view()),
    *project_urlpatterns,
]
