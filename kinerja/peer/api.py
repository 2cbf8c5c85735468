"""REST endpoint of peer feedback over the same queries as the pages: the aggregate of a round only, never an answer
or a rater."""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.models import Pegawai
from portal.scoping import pegawai_or_404

from ..skp.models import PerformancePeriod
from . import permissions, queries


class ValueResultSerializer(serializers.Serializer):
    code = serializers.CharField(source="value.code")
    name = serializers.CharField(source="value.name")
    average = serializers.FloatField(allow_null=True, help_text="Di Bawah 1 .. Sesuai 2 .. Di Atas 3")
    distribution = serializers.SerializerMethodField()
    comments = serializers.ListField(child=serializers.CharField(), help_text="In a random order.")

    def get_distribution(self, obj) -> dict[str, int]:
        return dict(obj.counts)


class PeerResultSerializer(serializers.Serializer):
    released = serializers.BooleanField()
    reason = serializers.CharField(help_text="`open` (not closed yet) or `below_threshold`; empty when released.")
    year = serializers.IntegerField()
    window = serializers.CharField(allow_null=True)
    minimum_raters = serializers.IntegerField()
    raters = serializers.IntegerField(required=False, help_text="Only when released.")
    values = ValueResultSerializer(many=True, required=False, help_text="Only when released.")


def _answer(result) -> dict:
    peer_round = result["round"]
    body = {
        "released": result["released"], "reason": result["reason"], "year": peer_round.period.year,
        "window": peer_round.window.label if peer_round.window_id else None, "minimum_raters": peer_round.minimum,
    }  # fmt: skip
    if result["released"]:
        body["raters"] = result["raters"]
        body["values"] = ValueResultSerializer(result["values"], many=True).data
    return body


@extend_schema(tags=["kinerja"])
class PeerResultView(APIView):
    """The peer feedback (360) aggregate of an employee for a period: per BerAKHLAK value the distribution of
    DI_BAWAH / SESUAI / DI_ATAS, the average and the comments. Below the instansi's minimum of raters, or while
    the round is open, only `{"released": false, "reason": ...}`. For the employee, their supervisor and HR of
    their instansi; anyone else gets 404."""

    @extend_schema(
        parameters=[
            OpenApiParameter("period", OpenApiTypes.INT, description="Year of the performance period (default: the "
                             "open period)."),
            OpenApiParameter("window", OpenApiTypes.INT, description="Id of a periodic window (default: the latest "
                             "round of the period)."),
        ],
        responses=PeerResultSerializer,
    )  # fmt: skip
    def get(self, request, employee_id):
        pegawai_or_404(request.user)
        subject = Pegawai.objects.filter(pk=employee_id).first()
        if subject is None or not permissions.can_see_results_of(request.user, subject):
            raise Http404
        periods = PerformancePeriod.objects.filter(instansi_id=subject.instansi_id)
        year = request.query_params.get("period", "")
        period = (
            periods.filter(year=int(year)).first()
            if year.isdigit()
            else periods.filter(status=PerformancePeriod.Status.OPEN).order_by("-year").first()
        )
        if period is None:
            raise Http404
        window = request.query_params.get("window", "")
        found = (
            queries.round_for(subject.pk, period.pk, int(window))
            if window.isdigit()
            else queries.latest_round(subject.pk, period.pk)
        )
        if found is None:
            raise Http404
        return Response(_answer(queries.results(found)))
