"""Template helpers of the performance pages."""

import datetime

from django import template

from portal.frame import remember
from portal.scoping import pegawai_of

from ..calibration.models import OrganisationRating
from ..calibration.permissions import can_calibrate
from ..career.permissions import can_view_list as can_view_promotion
from ..evaluation.menu import for_request
from ..evaluation.models import Predikat, Rating

register = template.Library()

PREDIKAT_TAGS = {
    "SANGAT_BAIK": "tag-ok",
    "BAIK": "tag-ok",
    "BUTUH_PERBAIKAN": "tag-warn",
    "KURANG": "tag-error",
    "SANGAT_KURANG": "tag-error",
}


@register.filter
def predikat_tag(code):
    """The badge colour of a predikat: good results green, needing improvement amber, poor red."""
    return PREDIKAT_TAGS.get(code, "tag-muted")


@register.simple_tag(takes_context=True)
def kinerja_menu(context):
    return for_request(context.get("request"))


@register.filter
def predikat_label(code):
    return Predikat(code).label if code in Predikat.values else ""


@register.filter
def rating_label(code):
    return Rating(code).label if code in Rating.values else (code or "")


@register.filter
def organisation_rating_label(code):
    return OrganisationRating(code).label if code in OrganisationRating.values else ""


@register.simple_tag(takes_context=True)
def may_calibrate(context):
    """HR and Pimpinan calibrate; kept in the user's frame like the other menu entries (no query once filled)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False

    def work_out():
        me = pegawai_of(user)
        return me is not None and can_calibrate(user, me.instansi_id)

    return remember(user, "calibration_menu", work_out)


@register.simple_tag(takes_context=True)
def may_view_promotion(context):
    """HR and Pimpinan see the promotion eligibility list; kept in the user's frame like may_calibrate."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False

    def work_out():
        me = pegawai_of(user)
        return me is not None and can_view_promotion(user, me.instansi_id)

    return remember(user, "promotion_menu", work_out)


@register.filter
def as_date(value):
    """A date sealed in JSON as ISO text back to a date (for the `date` filter); a date passes through."""
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value
