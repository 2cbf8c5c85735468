import zoneinfo

from django.utils import timezone

from .scoping import pegawai_of


class InstansiTimezoneMiddleware:
    """Show times in the time zone of the user's instansi (WIB/WITA/WIT); stored times stay UTC."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pegawai = pegawai_of(request.user)
        if pegawai is not None:
            timezone.activate(zoneinfo.ZoneInfo(pegawai.instansi.time_zone))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
