import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, viewsets

from . import queries
from .models import Pegawai
from .scoping import pegawai_or_404
from .serializers import MeSerializer, PegawaiSerializer


class MeView(generics.RetrieveAPIView):
    """The logged-in employee."""

    serializer_class = MeSerializer

    def get_object(self):
        return pegawai_or_404(self.request.user)


class EmployeeFilter(django_filters.FilterSet):
    unit = django_filters.NumberFilter(field_name="unit_id")
    q = django_filters.CharFilter(method="search", label=_("Nama atau NIP"))

    class Meta:
        model = Pegawai
        fields = ["unit", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(nama__icontains=value) | queryset.filter(nip__startswith=value)


@extend_schema(tags=["employees"])
class EmployeeViewSet(viewsets.ReadOnlyModelViewSet):
    """Employees the user may see: self and direct reports; HR and leaders their instansi."""

    serializer_class = PegawaiSerializer
    filterset_class = EmployeeFilter
    lookup_field = "nip"

    def get_queryset(self):
        return queries.employee_directory(self.request.user)
