"""Competency profiles over the API, with the same scoping as the pages: mine, and that of an employee in my
scope (404 outside it): for each competency of the position's standard the required and confirmed level and the gap,
plus the job-person match and its band."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.models import Pegawai
from portal.scoping import get_visible_or_404, pegawai_or_404

from . import queries


class CompetencyGapSerializer(serializers.Serializer):
    code = serializers.CharField(source="competency.code")
    name = serializers.CharField(source="competency.name")
    group = serializers.CharField(source="competency.group")
    required_level = serializers.IntegerField()
    current_level = serializers.IntegerField(allow_null=True, help_text="level terkonfirmasi; null bila belum ada")
    gap = serializers.IntegerField(help_text="kekurangan level terhadap standar (0 bila memenuhi)")


class MatchBandSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    min_percent = serializers.DecimalField(max_digits=5, decimal_places=2, coerce_to_string=False)


class CompetencyProfileSerializer(serializers.Serializer):
    pegawai_id = serializers.IntegerField(source="pegawai.pk")
    jabatan = serializers.CharField(source="jabatan.name", allow_null=True, default=None)
    competencies = CompetencyGapSerializer(source="rows", many=True)
    match_percent = serializers.DecimalField(
        max_digits=5, decimal_places=2, coerce_to_string=False, allow_null=True,
        help_text="kesesuaian jabatan (%); null bila jabatan belum mempunyai standar",
    )  # fmt: skip
    band = MatchBandSerializer(allow_null=True)


@extend_schema(tags=["competency"], responses=CompetencyProfileSerializer)
class MyCompetencyView(APIView):
    """My competency profile against the standard of my position."""

    def get(self, request):
        return Response(CompetencyProfileSerializer(queries.profile_of(pegawai_or_404(request.user))).data)


@extend_schema(tags=["competency"], responses=CompetencyProfileSerializer)
class EmployeeCompetencyView(APIView):
    """The competency profile of an employee in my scope (direct reports; HR and leaders: their instansi)."""

    def get(self, request, pk):
        pegawai = get_visible_or_404(Pegawai.objects.select_related("jabatan", "instansi"), request.user, pk=pk)
        return Response(CompetencyProfileSerializer(queries.profile_of(pegawai)).data)
