"""REST endpoints of mentoring over the same services and queries as the pages: the sessions the user may see, and
the mentee's answer to one (confirm, or dispute with a reason). A session outside the user's scope is a 404; one the
user sees but is not the mentee of is a 403."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from portal.api_errors import service_errors

from . import queries, services
from .models import MentoringSession


class MentoringSessionSerializer(serializers.ModelSerializer):
    pair_id = serializers.IntegerField(read_only=True)
    programme = serializers.CharField(source="pair.programme.name", read_only=True)
    mentor = serializers.CharField(source="pair.mentor.nama", read_only=True)
    mentee = serializers.CharField(source="pair.mentee.nama", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = MentoringSession
        fields = [
            "id", "pair_id", "programme", "mentor", "mentee", "held_on", "duration_minutes", "topics", "actions",
            "status", "status_label", "jp",
        ]  # fmt: skip
        read_only_fields = fields


class DisputeRequestSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)


@extend_schema(tags=["mentoring"])
class MentoringSessionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Mentoring sessions the user may see: as mentor or mentee, as the mentee's supervisor, or as HR."""

    serializer_class = MentoringSessionSerializer

    def get_queryset(self):
        return (
            queries.visible_sessions(self.request.user)
            .select_related("pair__programme", "pair__mentor__user", "pair__mentee__user")
            .order_by("-held_on", "-pk")
        )

    def _answer(self, service, **kwargs):
        session = self.get_object()
        with service_errors():
            session = service(actor=self.request.user, session=session, **kwargs)
        return Response(MentoringSessionSerializer(self.get_queryset().get(pk=session.pk)).data)

    @extend_schema(request=None, responses={200: MentoringSessionSerializer})
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        """The mentee confirms the session: it counts JP under the conversion rule (0 beyond the monthly cap) and
        adds mentoring evidence for the agreement's target competencies. Answers the confirmed session."""
        return self._answer(services.confirm_session)

    @extend_schema(request=DisputeRequestSerializer, responses={200: MentoringSessionSerializer})
    @action(detail=True, methods=["post"])
    def dispute(self, request, pk=None):
        """The mentee disputes the session with a reason; the mentor is told."""
        body = DisputeRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._answer(services.dispute_session, reason=body.validated_data["reason"])
