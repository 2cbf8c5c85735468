from . import frame, roles
from .models import Notification
from .navigation import chrome_templates, home_link, nav_menus, nav_templates
from .permissions import acts_as_in_own_instansi
from .scoping import can_access_admin, pegawai_of


def portal(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"site_chrome": chrome_templates(), "home_href": "/"}

    def unread():
        return frame.unread_count(user, Notification.objects.filter(recipient=user, read_at__isnull=True).count)

    return {
        "current_pegawai": pegawai_of(user),
        "unread_notifications": unread,  # callable: evaluated only when a template uses it
        "home_href": lambda: home_link(user),
        "can_access_admin": can_access_admin(user),
        "is_hr": acts_as_in_own_instansi(user, roles.ADMIN_SDM),
        # the employee directory is a tool of those who look after others (an employee alone sees only themselves)
        "sees_directory": acts_as_in_own_instansi(user, (roles.ATASAN, *roles.ADMIN_ROLES)),
        "nav_templates": nav_templates("main"),
        "nav_menus": nav_menus(),
        "manage_nav_templates": nav_templates("manage"),
        "site_chrome": chrome_templates(),
    }
