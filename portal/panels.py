"""The portal's own dashboard panels."""

from . import notification_kinds
from .dashboard import register_panel
from .frame import remember
from .models import Notification
from .scoping import pegawai_of


@register_panel("profile", "portal/panels/profile.html", order=10)
def profile_panel(request):
    me = pegawai_of(request.user)
    if me is None:
        return None
    count = remember(request.user, "report_count", lambda: me.bawahan.filter(is_active=True).count())
    return {"me": me, "report_count": count}


@register_panel("notifications", "portal/panels/notifications.html", order=90)
def notifications_panel(request):
    return {"notifications": notification_kinds.prepare(Notification.objects.filter(recipient=request.user)[:5])}
