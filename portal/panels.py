"""The portal's own dashboard panels."""

from .dashboard import register_panel
from .models import Notification
from .scoping import pegawai_of


@register_panel("profile", "portal/panels/profile.html", order=10)
def profile_panel(request):
    me = pegawai_of(request.user)
    if me is None:
        return None
    return {"me": me, "report_count": me.bawahan.filter(is_active=True).count()}


@register_panel("notifications", "portal/panels/notifications.html", order=90)
def notifications_panel(request):
    return {"notifications": list(Notification.objects.filter(recipient=request.user)[:5])}
