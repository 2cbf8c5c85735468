"""The intranet's dashboard panels on the home page."""

from django.utils import timezone

from portal.dashboard import register_panel
from portal.frame_fragments import shared_key
from portal.scoping import pegawai_of

from . import queries
from .models import NewsPage, filter_visible
from .models.privacy import privacy_context


@register_panel("required_reading", "home/panels/required_reading.html", order=15)
def required_reading_panel(request):
    if pegawai_of(request.user) is None:
        return None
    return {"requirements": queries.outstanding_reading(request.user), "today": timezone.localdate()}


def _news_key(request):
    home = queries.my_home(request.user)
    if home is None:
        return None
    # the same news for everyone of one instansi who may see the same pages, until a page is published again
    privacy = privacy_context(request.user).key
    return shared_key(request.user, "news-panel", request.get_host(), home.pk, privacy, timezone.localdate())


@register_panel("news", "home/panels/news.html", order=30, cache_key=_news_key)
def news_panel(request):
    home = queries.my_home(request.user)
    if home is None:
        return None
    news = filter_visible(NewsPage.objects.live().descendant_of(home), request.user)
    today = timezone.localdate()
    pinned = list(news.filter(pinned_until__gte=today).order_by("-date")[:3])
    latest = list(news.exclude(pk__in=[p.pk for p in pinned]).order_by("-date", "-pk")[: 5 - len(pinned)])
    return {"pinned": pinned, "latest": latest}


@register_panel("review_due", "home/panels/review_due.html", order=80)
def review_due_panel(request):
    pages = queries.review_due_pages(request.user)
    if not pages:
        return None
    return {"pages": pages[:10], "count": len(pages)}


@register_panel("leader_reading", "home/panels/leader_reading.html", order=12)
def leader_reading_panel(request):
    rows = queries.reading_at_a_glance(request.user)
    if rows is None:
        return None
    return {"rows": rows}


@register_panel("awaiting_approval", "home/panels/awaiting_approval.html", order=11)
def awaiting_approval_panel(request):
    if pegawai_of(request.user) is None:
        return None
    states = queries.pages_awaiting_my_approval(request.user)
    if not states:
        return None
    return {"states": states}
