"""REST endpoints of SKP over the same services and queries as the pages: my SKP of the open period, and the
steps submit / approve / return. Scoped like the pages: an SKP the user may not see answers 404, one they may see
but not move answers 403."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.api_errors import service_errors
from portal.scoping import pegawai_or_404

from . import permissions, queries, services
from .models import Iki, PerilakuExpectation, Rhk, Skp


class IkiSerializer(serializers.ModelSerializer):
    class Meta:
        model = Iki
        fields = ["id", "aspek", "text", "target"]
        read_only_fields = fields


class RhkSerializer(serializers.ModelSerializer):
    intervened_id = serializers.IntegerField(read_only=True, allow_null=True)
    intervened_text = serializers.CharField(source="intervened.text", read_only=True, default=None)
    iki = IkiSerializer(many=True, read_only=True)

    class Meta:
        model = Rhk
        fields = ["id", "kind", "text", "perspektif", "intervened_id", "intervened_text", "iki"]
        read_only_fields = fields


class PerilakuSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="value.code", read_only=True)
    name = serializers.CharField(source="value.name", read_only=True)

    class Meta:
        model = PerilakuExpectation
        fields = ["code", "name", "ekspektasi_khusus"]
        read_only_fields = fields


class SkpSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="period.year", read_only=True)
    pegawai_nip = serializers.CharField(source="pegawai.nip", read_only=True)
    pegawai_name = serializers.CharField(source="pegawai.nama", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    rhk = RhkSerializer(many=True, read_only=True)
    perilaku = PerilakuSerializer(many=True, read_only=True)

    class Meta:
        model = Skp
        fields = [
            "id", "year", "pegawai_nip", "pegawai_name", "status", "status_label", "revision", "approach",
            "valid_from", "valid_to", "evaluator_name", "evaluator_position", "jabatan_name", "unit_name",
            "dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi", "rhk", "perilaku",
        ]  # fmt: skip
        read_only_fields = fields


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=300)


@extend_schema(tags=["kinerja"], responses=SkpSerializer)
class MeSkpView(APIView):
    """My SKP of the open performance period, with its RHK, IKI and Perilaku Kerja (404 when I have none yet)."""

    def get(self, request):
        me = pegawai_or_404(request.user)
        skp = queries.my_skp(me, queries.open_period_for(me))
        if skp is None:
            raise exceptions.NotFound("Belum ada SKP pada periode kinerja yang berjalan.")
        return Response(SkpSerializer(queries.skp_page(skp.pk)).data)


@extend_schema(tags=["kinerja"])
class SkpViewSet(viewsets.GenericViewSet):
    """The steps of an SKP. The lookup is scoped: the employee, their pejabat penilai (or Plt/Plh) and whoever the
    platform lets see the employee find it; anyone else gets 404."""

    serializer_class = SkpSerializer

    def get_queryset(self):
        return Skp.objects.select_related("pegawai", "period", "evaluator")

    def get_object(self):
        skp = self.get_queryset().filter(pk=self.kwargs["pk"]).first()
        if skp is None or not permissions.can_view(self.request.user, skp):
            raise Http404
        return skp

    def _step(self, request, move, **kwargs):
        skp = self.get_object()
        with service_errors():
            move(actor=request.user, skp=skp, **kwargs)
        return Response(SkpSerializer(queries.skp_page(skp.pk)).data)

    @extend_schema(request=None, responses={200: SkpSerializer})
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """The employee submits a draft or returned SKP to the pejabat penilai (400 says what is missing)."""
        return self._step(request, services.submit_skp)

    @extend_schema(request=ReasonSerializer, responses={200: SkpSerializer})
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        """The pejabat penilai (or their Plt/Plh) approves a submitted SKP."""
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._step(request, services.approve_skp, reason=body.validated_data.get("reason", ""))

    @extend_schema(request=ReasonSerializer, responses={200: SkpSerializer})
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request, pk=None):
        """The pejabat penilai returns a submitted SKP with what must change (the reason is required)."""
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._step(request, services.return_skp, reason=body.validated_data.get("reason", ""))
