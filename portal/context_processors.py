from . import roles
from .models import Notification
from .navigation import chrome_templates, nav_templates
from .permissions import acts_as_in_own_instansi
from .scoping import can_access_admin, pegawai_of


def portal(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"site_chrome": chrome_templates()}

    def unread():
        return Notification.objects.filter(recipient=user, read_at__isnull=True).count()

    return {
        "current_pegawai": pegawai_of(user),
        "unread_notifications": unread,  # callable: evaluated only when a template uses it
        "can_access_admin": can_access_admin(user),
        "is_hr": acts_as_in_own_instansi(user, roles.ADMIN_SDM),
        "nav_templates": nav_templates(),
        "site_chrome": chrome_templates(),
    }
