"""REST endpoint of promotion eligibility over the same queries as the page, for HR of the instansi."""

import datetime

from django.core.exceptions import PermissionDenied
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.scoping import pegawai_of

from . import permissions, queries


class EligibilityReasonSerializer(serializers.Serializer):
    rule = serializers.CharField()
    met = serializers.BooleanField(allow_null=True, help_text="null: information only (the JP of the year)")
    detail = serializers.CharField()


class EligibilitySerializer(serializers.Serializer):
    nip = serializers.CharField(source="pegawai.nip")
    nama = serializers.CharField(source="pegawai.full_name")
    eligible = serializers.BooleanField()
    qualifies_on = serializers.DateField(allow_null=True)
    reasons = EligibilityReasonSerializer(many=True)


@extend_schema(tags=["karier"])
class EligibilityView(APIView):
    """Eligibility of every PNS of the caller's instansi for a promotion date (default: the next one), each with its
    reasons. For HR of the instansi only."""

    @extend_schema(
        parameters=[OpenApiParameter("period", OpenApiTypes.DATE, description="YYYY-MM-DD; the next period if empty")],
        responses=EligibilitySerializer(many=True),
    )
    def get(self, request):
        me = pegawai_of(request.user)
        if me is None or not permissions.can_use_api(request.user, me.instansi_id):
            raise PermissionDenied
        instansi_rules = queries.rules_of(me.instansi_id)
        raw = request.query_params.get("period")
        if raw:
            try:
                period_date = datetime.date.fromisoformat(raw)
            except ValueError:
                raise ValidationError({"period": "YYYY-MM-DD"}) from None
        else:
            period_date = queries.next_period(instansi_rules)
        rows, _later = queries.eligibility_list(me.instansi_id, period_date, instansi_rules=instansi_rules)
        return Response(EligibilitySerializer(rows, many=True).data)
