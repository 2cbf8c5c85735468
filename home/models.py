from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.dashboard import render_panels
from portal.scoping import pegawai_of


class BasePage(Page):
    """Base of every page on the intranet. `visible_to(user)` is the privacy-aware queryset that listings,
    menus, search and the dashboard use, so they never show a page (not even its title) the user may not view."""

    class Meta:
        abstract = True

    @classmethod
    def visible_to(cls, user):
        # Wagtail's own view restrictions (login, groups, password) decide; the intranet module refines this.
        queryset = cls.objects.live()
        if getattr(user, "is_superuser", False):
            return queryset
        return (
            queryset.public()
            if not getattr(user, "is_authenticated", False)
            else queryset.exclude(pk__in=_restricted_page_ids(user))
        )


def _restricted_page_ids(user):
    """IDs of pages under a group or password restriction that the user does not pass."""
    from wagtail.models import PageViewRestriction

    group_ids = set(user.groups.values_list("pk", flat=True))
    hidden = []
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related("groups"):
        if restriction.restriction_type == PageViewRestriction.GROUPS:
            if group_ids & {group.pk for group in restriction.groups.all()}:
                continue
        elif restriction.restriction_type == PageViewRestriction.LOGIN:
            continue
        hidden.append(restriction.page)
    ids = set()
    for page in hidden:
        ids.update(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))
    return ids


class PortalRootPage(Page):
    """Root of the default site: sends each employee to the home page of their own instansi."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("akar portal")

    def serve(self, request, *args, **kwargs):
        me = pegawai_of(request.user)
        if me is not None:
            home = HomePage.objects.live().filter(instansi_id=me.instansi_id).first()
            if home is not None:
                return redirect(home.url)
        homes = HomePage.objects.live().select_related("instansi").order_by("title")
        return TemplateResponse(request, "home/portal_root_page.html", {"page": self, "homes": homes})


class HomePage(Page):
    """The home page of one instansi: a welcome text and the personal dashboard."""

    instansi = models.OneToOneField(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="home_page"
    )
    intro = RichTextField(_("sambutan"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.PortalRootPage"]
    content_panels = [*Page.content_panels, FieldPanel("instansi"), FieldPanel("intro")]

    class Meta:
        verbose_name = _("beranda instansi")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["dashboard_panels"] = render_panels(request)
        return context
