"""What the coaching services share: the plan's row lock, its URL and the check that it is running."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from ..models import CoachingPlan


def locked(plan) -> CoachingPlan:
    return (
        CoachingPlan.objects.select_for_update(of=("self",))
        .select_related("pegawai__user", "pegawai__atasan", "supervisor__user", "evaluation")
        .get(pk=plan.pk)
    )


def plan_url(plan) -> str:
    return reverse("kinerja:coaching_plan", args=[plan.pk])


def require_active(plan):
    if plan.status != CoachingPlan.Status.ACTIVE:
        raise ValidationError(_("Rencana pembinaan ini tidak sedang berjalan."))


def display_date(day) -> str:
    return day.strftime("%d-%m-%Y") if day else ""
