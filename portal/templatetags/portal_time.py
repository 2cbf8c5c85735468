"""Times as the viewer reads them: in the zone the time zone middleware chose, with that zone's label."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format

from portal.rules import time_zone_label

register = template.Library()


@register.filter
def viewer_time(value, fmt="j F Y H:i"):
    """'4 Maret 2030 09:30 WITA' for an employee of Gorontalo, '4 Maret 2030 01:30 UTC' for a superadmin."""
    if not value:
        return ""
    return f"{date_format(timezone.localtime(value), fmt)} {time_zone_label(timezone.get_current_timezone_name())}"
