from django.utils.translation import gettext as _

from portal.demo import register_demo_step
from portal.models import Instansi

from .models import HomePage, PortalRootPage


def ensure_home_page(instansi):
    """The instansi's HomePage under the portal root, created once."""
    existing = HomePage.objects.filter(instansi=instansi).first()
    if existing is not None:
        return existing
    root = PortalRootPage.objects.first()
    home = HomePage(
        title=instansi.name,
        slug=instansi.slug,
        instansi=instansi,
        intro=f"<p>{_('Selamat datang di intranet %(name)s.') % {'name': instansi.name}}</p>",
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


@register_demo_step("home-pages", order=20)
def load_home_pages(stdout=None):
    for instansi in Instansi.objects.order_by("pk"):
        ensure_home_page(instansi)
