"""REST endpoints over the same services and queries as the pages: open sessions, enrol, cancel, my training."""

import django_filters
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.api_errors import as_api_error
from portal.scoping import pegawai_of, pegawai_or_404

from . import queries, services
from .models import Enrolment, TrainingSession


class SessionSerializer(serializers.ModelSerializer):
    course_id = serializers.IntegerField(read_only=True)
    course = serializers.CharField(source="course.title", read_only=True)
    jp = serializers.IntegerField(source="course.jp", read_only=True)
    bentuk = serializers.CharField(source="course.bentuk.code", read_only=True, default=None)
    requires_approval = serializers.BooleanField(source="course.requires_approval", read_only=True)
    instansi = serializers.CharField(source="instansi.name", read_only=True)
    seats_left = serializers.IntegerField(read_only=True)

    class Meta:
        model = TrainingSession
        fields = [
            "id", "course_id", "course", "name", "kind", "jp", "bentuk", "requires_approval", "instansi", "start_at",
            "end_at", "place", "online_url", "capacity", "seats_left", "enrol_opens_at", "enrol_closes_at",
            "open_to_other_instansi",
        ]  # fmt: skip
        read_only_fields = fields


class EnrolmentSerializer(serializers.ModelSerializer):
    session_id = serializers.IntegerField(read_only=True)
    course = serializers.CharField(source="session.course.title", read_only=True)
    session = serializers.CharField(source="session.name", read_only=True)
    start_at = serializers.DateTimeField(source="session.start_at", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    certificate_code = serializers.SerializerMethodField()

    class Meta:
        model = Enrolment
        fields = ["id", "session_id", "course", "session", "start_at", "status", "status_label", "score",
                  "requested_at", "certificate_code"]  # fmt: skip
        read_only_fields = fields

    def get_certificate_code(self, obj) -> str | None:
        if obj.status != Enrolment.Status.COMPLETED:
            return None  # only a completed enrolment has one: no query for the others
        certificate = getattr(obj, "certificate", None)
        return certificate.code if certificate is not None and not certificate.revoked_at else None


class EnrolRequestSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=300)


class CancelRequestSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=300)


class JPSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    jp = serializers.IntegerField()
    target = serializers.IntegerField()
    percent = serializers.IntegerField()
    remaining = serializers.IntegerField()


class MeTrainingSerializer(serializers.Serializer):
    jp = JPSerializer()
    enrolments = EnrolmentSerializer(many=True)


class SessionFilter(django_filters.FilterSet):
    course = django_filters.NumberFilter(field_name="course_id")
    bentuk = django_filters.CharFilter(field_name="course__bentuk__code")
    month = django_filters.CharFilter(method="filter_month", label="YYYY-MM")
    has_seats = django_filters.BooleanFilter(method="filter_has_seats")

    class Meta:
        model = TrainingSession
        fields = ["course", "bentuk", "month", "has_seats"]

    def filter_month(self, queryset, name, value):
        if not queries._parse_month(value):
            return queryset.none()
        start, end = queries._month_bounds(value, timezone.get_current_timezone())
        return queryset.filter(start_at__gte=start, start_at__lt=end)

    def filter_has_seats(self, queryset, name, value):
        from django.db.models import F

        return queryset.filter(seats_taken__lt=F("capacity")) if value else queryset


@extend_schema(tags=["training"])
class SessionViewSet(viewsets.ReadOnlyModelViewSet):
    """Open sessions (enrolment window open, not started) of the user's instansi or open to every instansi."""

    serializer_class = SessionSerializer
    filterset_class = SessionFilter

    def get_queryset(self):
        return queries.sessions_user_may_join(self.request.user)

    @extend_schema(request=EnrolRequestSerializer, responses={201: EnrolmentSerializer})
    @action(detail=True, methods=["post"])
    def enrol(self, request, pk=None):
        """Enrol the logged-in employee; answers the resulting state (pending_approval, confirmed, waitlisted)."""
        session = self.get_object()
        me = pegawai_of(request.user)
        if me is None:
            raise exceptions.PermissionDenied
        body = EnrolRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            enrolment = services.enrol(request.user, me, session, body.validated_data.get("note", ""))
        except (DjangoValidationError, DjangoPermissionDenied) as error:
            raise as_api_error(error) from None
        return Response(EnrolmentSerializer(enrolment).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["training"])
class EnrolmentViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The user's own enrolments."""

    serializer_class = EnrolmentSerializer

    def get_queryset(self):
        return queries.my_enrolments(self.request.user)

    @extend_schema(request=CancelRequestSerializer, responses={200: EnrolmentSerializer})
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        """Cancel before the session starts; the first on the waitlist gets the seat. Answers the new state."""
        enrolment = self.get_object()
        body = CancelRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            enrolment = services.cancel(request.user, enrolment.pk, body.validated_data.get("reason", ""))
        except (DjangoValidationError, DjangoPermissionDenied) as error:
            raise as_api_error(error) from None
        return Response(EnrolmentSerializer(queries.my_enrolments(request.user).get(pk=enrolment.pk)).data)


@extend_schema(
    tags=["training"],
    parameters=[OpenApiParameter("year", OpenApiTypes.INT, description="tahun JP (bawaan: tahun ini)")],
    responses=MeTrainingSerializer,
)
class MeTrainingView(APIView):
    """My enrolments and my JP for the year."""

    def get(self, request):
        me = pegawai_or_404(request.user)
        year = request.query_params.get("year", "")
        year = int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else timezone.localdate().year
        data = {"jp": queries.jp_summary(me, year), "enrolments": list(queries.my_enrolments(request.user)[:100])}
        return Response(MeTrainingSerializer(data).data)
