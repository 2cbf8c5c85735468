"""What the intranet module adds to the platform's registries (found by `portal.registry.discover`)."""

from django.utils.translation import gettext_lazy as _

from portal import roles
from portal.beat import register_beat
from portal.navigation import register_chrome, register_home_link, register_nav
from portal.onboarding import onboarding_steps
from portal.search_types import register_search_type

from . import admin_guards, editorial, notice_kinds, page_contexts, panels, team  # noqa: F401  (they register themselves)
from .collections import ensure_instansi_collection
from .models import ContentPage, NewsPage, PolicyPage, SocialisationPage
from .models.base import home_url

roles.register(
    "home",
    {
        roles.ADMIN_KONTEN: roles.Needs(
            permissions=[
                "wagtaildocs.add_document",
                "wagtaildocs.change_document",
                "wagtaildocs.choose_document",
                "wagtailimages.add_image",
                "wagtailimages.change_image",
                "wagtailimages.choose_image",
            ],
            per_instansi=True,
        ),  # fmt: skip
        roles.PIMPINAN: roles.Needs(per_instansi=True),
    },
)

register_nav("home", "home/nav.html", order=10)
register_nav("home-manage", "home/nav_manage.html", order=10, group="manage")
register_chrome("home-style", "head", "home/includes/site_style.html")
register_chrome("home-brand", "brand", "home/includes/brand.html")
register_chrome("home-search", "tools", "home/includes/header_search.html")
register_chrome("home-footer", "footer", "home/includes/site_footer.html")
register_chrome("home-approval", "main", "home/includes/approval_bar.html")

register_search_type("kebijakan", PolicyPage, _("Kebijakan & regulasi"), order=10)
register_search_type("berita", NewsPage, _("Berita & pengumuman"), order=20)
register_search_type("panduan", ContentPage, _("Panduan"), order=30)
register_search_type("sosialisasi", SocialisationPage, _("Materi sosialisasi"), order=40)

register_beat("home-reading-reminders", "home.tasks.send_reading_reminders", 6 * 60 * 60.0)
register_beat("home-review-reminders", "home.tasks.send_review_reminders", 24 * 60 * 60.0)
register_beat("home-publish-scheduled", "home.tasks.publish_scheduled_pages", 300.0)


@onboarding_steps.register("collection", order=15)
def give_collection(*, instansi, actor=None):
    ensure_instansi_collection(instansi)


@onboarding_steps.register("home", order=20)
def give_home_page(*, instansi, actor=None):
    editorial.home_for_new_instansi(instansi, actor=actor)


register_home_link(home_url)
