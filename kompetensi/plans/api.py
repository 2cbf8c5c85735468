"""GET /api/v1/competency/plans/me/: my development plan of the current year, with the same derivation as the page
(a completed plan answers its frozen snapshot)."""

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.scoping import pegawai_or_404

from . import queries, rules


class GoalSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    level_at_writing = serializers.IntegerField(allow_null=True)
    current_level = serializers.IntegerField(allow_null=True)
    required_level = serializers.IntegerField(allow_null=True)
    target_level = serializers.IntegerField()
    note = serializers.CharField(allow_blank=True)


class ActivitySerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["session", "mentoring", "external", "other"])
    title = serializers.CharField()
    session_id = serializers.IntegerField(allow_null=True)
    goal = serializers.CharField(allow_null=True, help_text="kode kompetensi sasaran")
    planned_jp = serializers.IntegerField()
    planned_month = serializers.IntegerField()
    jp_done = serializers.IntegerField()
    outcome = serializers.ChoiceField(choices=list(queries.OUTCOME_LABELS))
    enrolment_status = serializers.CharField(allow_blank=True)


class JPProgressSerializer(serializers.Serializer):
    done = serializers.IntegerField()
    planned = serializers.IntegerField()
    target = serializers.IntegerField()
    percent = serializers.IntegerField(help_text="JP tercatat terhadap JP rencana")


class MyPlanSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    year = serializers.IntegerField()
    status = serializers.ChoiceField(choices=list(rules.PLAN_TRANSITIONS)[1:])
    status_label = serializers.CharField()
    frozen = serializers.BooleanField(help_text="true: rencana selesai, data dari rekaman saat selesai")
    jp = JPProgressSerializer()
    goals = GoalSerializer(many=True)
    activities = ActivitySerializer(many=True)


def _live(plan):
    view = queries.plan_view(plan)
    return {
        "jp": {"done": view.jp_done, "planned": view.jp_planned, "target": view.jp_target, "percent": view.jp_percent},
        "goals": [
            {
                "code": row.goal.competency.code,
                "name": row.goal.competency.name,
                "level_at_writing": row.goal.level_at_writing,
                "current_level": row.current_level,
                "required_level": row.required_level,
                "target_level": row.goal.target_level,
                "note": row.goal.note,
            }
            for row in view.goals
        ],  # fmt: skip
        "activities": [
            {
                "kind": row.activity.kind,
                "title": row.activity.title,
                "session_id": row.activity.session_id,
                "goal": row.activity.goal.competency.code if row.activity.goal_id else None,
                "planned_jp": row.activity.planned_jp,
                "planned_month": row.activity.planned_month,
                "jp_done": row.progress.jp_done,
                "outcome": row.progress.outcome,
                "enrolment_status": row.progress.enrolment_status,
            }
            for row in view.activities
        ],  # fmt: skip
    }


def _frozen(snapshot):
    jp = snapshot["jp"]
    return {
        "jp": {**jp, "percent": rules.percent(jp["done"], jp["planned"])},
        "goals": [
            {
                **{k: g[k] for k in ("code", "name", "level_at_writing", "required_level", "target_level", "note")},
                "current_level": g["level_at_completion"],
            }
            for g in snapshot["goals"]
        ],  # fmt: skip
        "activities": [{**a, "session_id": None} for a in snapshot["activities"]],
    }


@extend_schema(tags=["competency"], responses=MyPlanSerializer)
class MyPlanView(APIView):
    """My development plan of the current year (404 when I have none)."""

    def get(self, request):
        plan = queries.plan_of(pegawai_or_404(request.user), timezone.localdate().year)
        if plan is None:
            raise Http404
        frozen = plan.status == rules.COMPLETED and plan.snapshot is not None
        data = {
            "id": plan.pk, "year": plan.year, "status": plan.status, "status_label": plan.get_status_display(),
            "frozen": frozen, **(_frozen(plan.snapshot) if frozen else _live(plan)),
        }  # fmt: skip
        return Response(MyPlanSerializer(data).data)
