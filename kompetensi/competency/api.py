"""REST endpoints of the competency package, over the same queries as the pages."""

import django_filters
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers

from portal.scoping import pegawai_of

from .models import Competency, CompetencyLevel
from .queries import competencies_for


class CompetencyLevelSerializer(serializers.ModelSerializer):
    indicators = serializers.ListField(source="indicator_list", child=serializers.CharField(), read_only=True)

    class Meta:
        model = CompetencyLevel
        fields = ["level", "description", "indicators"]
        read_only_fields = fields


class CompetencySerializer(serializers.ModelSerializer):
    group_label = serializers.CharField(source="get_group_display", read_only=True)
    national = serializers.SerializerMethodField()
    jabatan_code = serializers.CharField(source="jabatan.code", read_only=True, default=None)
    levels = CompetencyLevelSerializer(many=True, read_only=True)

    class Meta:
        model = Competency
        fields = ["id", "code", "name", "group", "group_label", "national", "jabatan_code", "definition", "levels"]
        read_only_fields = fields

    def get_national(self, obj) -> bool:
        return obj.instansi_id is None


class DictionaryFilter(django_filters.FilterSet):
    class Meta:
        model = Competency
        fields = ["group"]


@extend_schema(tags=["competency"])
class DictionaryView(generics.ListAPIView):
    """The competency dictionary in force for the user's instansi: the national managerial and socio-cultural
    competencies and the instansi's own technical ones (active only), each with its levels 1-5."""

    serializer_class = CompetencySerializer
    filterset_class = DictionaryFilter

    def get_queryset(self):
        me = pegawai_of(self.request.user)
        levels = Prefetch("levels", queryset=CompetencyLevel.objects.order_by("level"))
        return (
            competencies_for(me.instansi_id if me is not None else None)
            .select_related("jabatan")
            .prefetch_related(levels)
            .order_by("group", "order", "code")
        )
