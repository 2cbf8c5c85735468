"""The training section of an employee's profile page, registered into the portal's registry."""

from django.utils import timezone

from portal.dashboard import register_profile_section

from . import queries


@register_profile_section("kompetensi-training", "kompetensi/profile_section.html", order=30)
def training_section(request, pegawai):
    """Shown to whoever may see the employee (the profile view scopes that): JP of the year and recent training."""
    year = timezone.localdate().year
    return {
        "pegawai": pegawai,
        "summary": queries.jp_summary(pegawai, year),
        "recent": queries.recent_training(pegawai),
    }
