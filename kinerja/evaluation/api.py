"""REST endpoints of evaluation over the same services and queries as the pages."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from portal.api_errors import service_errors

from . import permissions, queries, services
from .models import Evaluation, Rating


class EvaluationSerializer(serializers.ModelSerializer):
    nip = serializers.CharField(source="skp.pegawai.nip", read_only=True)
    nama = serializers.CharField(source="skp.pegawai.full_name", read_only=True)
    year = serializers.IntegerField(source="skp.period.year", read_only=True)
    label = serializers.CharField(read_only=True)
    rating_hasil_kerja = serializers.SerializerMethodField()
    rating_perilaku_kerja = serializers.SerializerMethodField()
    predikat = serializers.SerializerMethodField()

    class Meta:
        model = Evaluation
        fields = ["id", "nip", "nama", "year", "kind", "label", "status", "rating_hasil_kerja",
                  "rating_perilaku_kerja", "predikat", "finalised_at"]  # fmt: skip
        read_only_fields = fields

    def _shown(self, obj):
        """The employee sees ratings only once final; the evaluator and others in scope always."""
        request = self.context["request"]
        return permissions.can_see_result(request.user, obj)

    def get_rating_hasil_kerja(self, obj) -> str | None:
        return obj.rating_hasil_kerja or None if self._shown(obj) else None

    def get_rating_perilaku_kerja(self, obj) -> str | None:
        return obj.rating_perilaku_kerja or None if self._shown(obj) else None

    def get_predikat(self, obj) -> str | None:
        return obj.predikat or None if self._shown(obj) else None


class RateSerializer(serializers.Serializer):
    rating_hasil_kerja = serializers.ChoiceField(choices=Rating.choices)
    rating_perilaku_kerja = serializers.ChoiceField(choices=Rating.choices)
    reason = serializers.CharField(max_length=2000)


@extend_schema(tags=["kinerja"])
class EvaluationViewSet(viewsets.GenericViewSet):
    """Periodic and annual evaluations. Outside the user's scope an evaluation answers 404; rating and finalising
    are for its pejabat penilai (or their Plt/Plh)."""

    serializer_class = EvaluationSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no user
            return Evaluation.objects.none()
        return queries.visible(self.request.user)

    @extend_schema(responses=EvaluationSerializer(many=True))
    @action(detail=False, methods=["get"])
    def team(self, request):
        """The evaluations I rate as pejabat penilai that are not final yet."""
        rows = queries.to_rate(request.user)[:200]
        return Response(self.get_serializer(rows, many=True).data)

    @extend_schema(responses=EvaluationSerializer(many=True))
    @action(detail=False, methods=["get"])
    def me(self, request):
        """My evaluations; ratings and predikat appear once final."""
        rows = queries.mine(request.user)[:100]
        return Response(self.get_serializer(rows, many=True).data)

    @extend_schema(request=RateSerializer, responses=EvaluationSerializer)
    @action(detail=True, methods=["post"])
    def rate(self, request, pk=None):
        """Rate Hasil Kerja and Perilaku Kerja; answers the evaluation with its predikat. Allowed again until
        final."""
        evaluation = self.get_object()
        body = RateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        with service_errors():
            services.rate(actor=request.user, evaluation=evaluation, **body.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=evaluation.pk)).data)

    @extend_schema(request=None, responses=EvaluationSerializer)
    @action(detail=True, methods=["post"])
    def finalise(self, request, pk=None):
        """Make the result final: locked, and visible to the employee."""
        evaluation = self.get_object()
        with service_errors():
            services.finalise(actor=request.user, evaluation=evaluation)
        return Response(self.get_serializer(self.get_queryset().get(pk=evaluation.pk)).data)
