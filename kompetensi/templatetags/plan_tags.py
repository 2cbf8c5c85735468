"""Filters of the development plan pages: the badge colour of a plan's status and of an activity's outcome, and a
month's name."""

from datetime import date

from django import template
from django.utils.formats import date_format

from ..plans import rules

register = template.Library()

PLAN_TAGS = {
    rules.DRAFT: "tag-muted", rules.SUBMITTED: "tag-warn", rules.RETURNED: "tag-error", rules.APPROVED: "tag-ok",
    rules.IN_PROGRESS: "tag-ok", rules.COMPLETED: "tag-done",
}  # fmt: skip
OUTCOME_TAGS = {rules.PLANNED: "tag-muted", rules.REQUESTED: "tag-warn", rules.STARTED: "tag-ok",
                rules.DONE: "tag-done", rules.NOT_DONE: "tag-error"}  # fmt: skip


@register.filter
def plan_tag(status):
    return PLAN_TAGS.get(status, "")


@register.filter
def outcome_tag(outcome):
    return OUTCOME_TAGS.get(outcome, "")


@register.filter
def month_name(month):
    try:
        return date_format(date(2000, int(month), 1), "F")
    except (TypeError, ValueError):
        return ""


@register.filter
def get_label(labels, key):
    return labels.get(key, key) if labels else key
