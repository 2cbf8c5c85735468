import hashlib

from django.core.exceptions import PermissionDenied
from django.core.validators import RegexValidator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageViewRestriction, Site

from portal import request_memo
from portal.dashboard import render_panels
from portal.frame import remember, shared_value
from portal.page_context import page_context
from portal.scoping import pegawai_of

from .privacy import can_view, filter_visible


class CachedViewRestrictions:
    """Wagtail asks for the view restrictions above a page on every view (two queries). They change rarely, and
    drop the shared frame token when they do: the rows come from the cache, handed back as a queryset whose result
    is already there, so Wagtail's own uses (`exists()`, iterating, `order_by()` for a fresh read) keep working."""

    def get_view_restrictions(self):
        rows = shared_value(
            f"view-restrictions:{self.pk}", lambda: list(super(CachedViewRestrictions, self).get_view_restrictions())
        )
        cached = PageViewRestriction.objects.filter(pk__in=[row.pk for row in rows])
        cached._result_cache = rows
        return cached


class RootPathsOncePerRequest:
    """A page's `url` without the request (`{{ page.url }}` in a template loop) makes Wagtail read the site root
    paths from the cache for every page: read them once per request instead."""

    def _get_site_root_paths(self, request=None):
        if request is None:
            return request_memo.once("site_root_paths", Site.get_site_root_paths)
        return super()._get_site_root_paths(request)


class BasePage(RootPathsOncePerRequest, CachedViewRestrictions, Page):
    """Base of every page on the intranet. `visible_to(user)` is the privacy-aware queryset that listings,
    menus, search and the dashboard use, so they never show a page (not even its title) the user may not view.
    The rules live in home.models.privacy: Wagtail view restrictions, the user's instansi subtree and the
    page's audience rules. Serving applies the same rules, so a direct URL answers 404 too."""

    class Meta:
        abstract = True

    @classmethod
    def visible_to(cls, user):
        return filter_visible(cls.objects.live(), user)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        # previews are for editors, who already passed Wagtail's own edit permission checks
        if not getattr(request, "is_preview", False) and not can_view(self, request.user):
            raise Http404
        return super().serve(request, *args, **kwargs)


def home_url(user):
    """The url of the home page of the user's instansi (None without one), kept in their frame."""
    me = pegawai_of(user)
    if me is None:
        return None

    def find():
        home = HomePage.objects.live().filter(instansi_id=me.instansi_id).first()
        return home.url if home is not None else None

    return remember(user, "home_url", find)


class PortalRootPage(CachedViewRestrictions, Page):
    """Root of the default site: sends each employee to the home page of their own instansi."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("akar portal")

    def route(self, request, path_components):
        """The addressed page in one query instead of two per level of its path: the deepest page whose URL path
        starts the request's; that page routes whatever remains (its own views, or a 404), as Wagtail's default
        walk would after reaching it. Unpublished pages on the way are passed through, as Wagtail does."""
        if not path_components:
            return super().route(request, path_components)
        path = "/".join(path_components)
        # the page itself (specific) is kept with the shared content, which every page save draws again: a page
        # view then asks the database nothing to find its page
        key = f"route:{self.pk}:{path if len(path) < 200 else hashlib.sha256(path.encode()).hexdigest()}"
        found = shared_value(key, lambda: self._deepest_page(path_components), keep_none=False)
        if found is None:
            raise Http404
        return found.route(request, path_components[found.depth - self.depth :])

    def _deepest_page(self, path_components):
        prefixes = [f"{self.url_path}{'/'.join(path_components[:n])}/" for n in range(1, len(path_components) + 1)]
        found = (
            Page.objects.filter(url_path__in=prefixes, path__startswith=self.path, depth__gt=self.depth)
            .order_by("-depth")
            .first()
        )
        if found is None:
            return None
        page = found.specific
        if getattr(page, "instansi_id", None):
            page.instansi  # noqa: B018  (kept with the page: a home page shows its instansi; renaming one draws the token)
        return page

    def serve(self, request, *args, **kwargs):
        me = pegawai_of(request.user)
        if me is not None:
            url = home_url(request.user)
            if url is not None:
                return redirect(url)
        homes = filter_visible(HomePage.objects.live(), request.user).select_related("instansi").order_by("title")
        return TemplateResponse(request, "home/portal_root_page.html", {"page": self, "homes": homes})


class HomePageForm(WagtailAdminPageForm):
    """The instansi of a home page is fixed for everyone but superusers: changing it re-homes a whole subtree."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "instansi" in self.fields and not getattr(self.for_user, "is_superuser", False):
            self.fields["instansi"].disabled = True


colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Gunakan kode warna heksadesimal, misalnya #0b4f8a."))


class HomePage(BasePage):
    """The home page of one instansi: a welcome text and the personal dashboard. Its "Pengaturan situs" tab
    holds the instansi's site settings (logo, name, colours, contacts, footer links): every instansi is a
    subtree of the one default Site, so these belong to the instansi's home page rather than to a Site."""

    instansi = models.OneToOneField(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="home_page"
    )
    intro = RichTextField(_("sambutan"), blank=True, features=["bold", "italic", "link"])
    site_name = models.CharField(
        _("nama situs"), max_length=120, blank=True, help_text=_("Kosongkan untuk memakai nama instansi.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    brand_colour = models.CharField(_("warna utama"), max_length=7, blank=True, validators=[colour])
    accent_colour = models.CharField(_("warna aksen"), max_length=7, blank=True, validators=[colour])
    contact_address = models.TextField(_("alamat"), blank=True)
    contact_phone = models.CharField(_("telepon"), max_length=40, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)

    parent_page_types = ["home.PortalRootPage"]
    base_form_class = HomePageForm
    content_panels = [*Page.content_panels, FieldPanel("instansi"), FieldPanel("intro")]
    settings_tab_panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("logo"), FieldPanel("brand_colour"), FieldPanel("accent_colour")],
            heading=_("Identitas"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_address"), FieldPanel("contact_phone"), FieldPanel("contact_email")],
            heading=_("Kontak"),
        ),
        InlinePanel("footer_links", label=_("Tautan kaki halaman")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Konten")),
            ObjectList(settings_tab_panels, heading=_("Pengaturan situs")),
            ObjectList(Page.promote_panels, heading=_("Promosi")),
        ]
    )

    class Meta:
        verbose_name = _("beranda instansi")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["dashboard_panels"] = render_panels(request)
        return context

    def publish(self, revision, user=None, *args, **kwargs):
        # the belt to the form's braces: a revision (from any path: workflow, API, scheduled publishing) that moves
        # the home to another instansi is published only by a superuser
        publisher = user or revision.user
        stored = HomePage.objects.filter(pk=self.pk).values_list("instansi_id", flat=True).first()
        moved = stored is not None and revision.as_object().instansi_id != stored
        if moved and not getattr(publisher, "is_superuser", False):
            raise PermissionDenied(_("Hanya superadmin yang dapat memindahkan beranda ke instansi lain."))
        return super().publish(revision, user, *args, **kwargs)


class HomeFooterLink(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="footer_links")
    label = models.CharField(_("label"), max_length=80)
    url = models.URLField(_("alamat tautan"), blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("halaman"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("label"), FieldPanel("url"), FieldPanel("link_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("tautan kaki halaman")

    @property
    def href(self):
        return self.link_page.url if self.link_page_id else self.url


@register_setting(icon="cog")
class PortalSettings(BaseSiteSetting):
    """Defaults for the whole deployment (one Site). Each instansi overrides them on its home page."""

    site_name = models.CharField(_("nama portal"), max_length=120, default="Lentera")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    brand_colour = models.CharField(_("warna utama"), max_length=7, default="#0b4f8a", validators=[colour])
    accent_colour = models.CharField(_("warna aksen"), max_length=7, default="#b45309", validators=[colour])
    footer_text = models.CharField(
        _("teks kaki halaman"),
        max_length=300,
        blank=True,
        help_text=_("Kosongkan untuk teks bawaan."),
    )

    class Meta:
        verbose_name = _("pengaturan portal")


class InstansiSiteSettings:
    """The settings in force for one instansi: its home page's values, falling back to the portal defaults."""

    def __init__(self, home, defaults):
        self.home = home
        self.defaults = defaults

    @classmethod
    def for_instansi_id(cls, instansi_id, request=None):
        from wagtail.models import Site

        home = (
            HomePage.objects.filter(instansi_id=instansi_id)
            .select_related("logo", "instansi")
            .prefetch_related("footer_links__link_page")
            .first()
            if instansi_id
            else None
        )
        site = (
            Site.find_for_request(request) if request is not None else Site.objects.filter(is_default_site=True).first()
        )
        defaults = PortalSettings.for_site(site) if site is not None else PortalSettings()
        return cls(home, defaults)

    @classmethod
    def for_page(cls, page):
        home = HomePage.objects.filter(path__in=[page.path[:i] for i in range(4, len(page.path) + 1, 4)]).first()
        return cls.for_instansi_id(home.instansi_id if home else None)

    def _pick(self, name):
        value = getattr(self.home, name, None) if self.home else None
        return value or getattr(self.defaults, name, None)

    @property
    def name(self):
        if self.home is not None:
            return self.home.site_name or self.home.instansi.name
        return self.defaults.site_name

    @property
    def logo(self):
        return self._pick("logo")

    @property
    def brand_colour(self):
        return self._pick("brand_colour")

    @property
    def accent_colour(self):
        return self._pick("accent_colour")

    @property
    def footer_text(self):
        return self.defaults.footer_text or _(
            "Lentera — intranet ASN untuk kebijakan, pengembangan kompetensi, dan kinerja."
        )

    @property
    def footer_links(self):
        return list(self.home.footer_links.all()) if self.home else []

    @property
    def contacts(self):
        if self.home is None:
            return {}
        return {
            "address": self.home.contact_address,
            "phone": self.home.contact_phone,
            "email": self.home.contact_email,
        }
