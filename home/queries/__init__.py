"""Reads shared by views, panels, tasks and templates; every one is narrowed by the page privacy rules."""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.models import GroupApprovalTask, Page, PageViewRestriction, TaskState

from portal import roles
from portal.frame import remember
from portal.models import Pegawai
from portal.permissions import acts_as, is_superadmin
from portal.scoping import pegawai_of, user_group_ids

from ..models import (
    Acknowledgement,
    ContentPage,
    HomePage,
    NewsPage,
    PageFeedback,
    PolicyIndexPage,
    PolicyPage,
    PolicySubject,
    ReadingRequirement,
    SearchGap,
    SocialisationPage,
    filter_visible,
)
from ..models.privacy import in_other_instansi, privacy_context
from ..permissions import is_content_editor
from .search import SearchOutcome, forget_vocabularies, search, title_vocabulary  # noqa: F401 (the module's API)

PER_PAGE = 20
EDITOR_ROLES = (roles.ADMIN_KONTEN, roles.PIMPINAN)
OWNED_PAGE_TYPES = (ContentPage, PolicyPage, NewsPage, SocialisationPage)


def home_of(page):
    """The instansi home page above `page` (or the page itself), or None for pages outside every instansi."""
    prefixes = [page.path[:i] for i in range(4, len(page.path) + 1, Page.steplen)]
    return HomePage.objects.filter(path__in=prefixes).select_related("instansi").first()


def my_home(user):
    me = pegawai_of(user)
    if me is None:
        return None
    return remember(user, "my_home", lambda: HomePage.objects.live().filter(instansi_id=me.instansi_id).first())


def menu_pages(user):
    """Main-menu entries: the live, in-menu children of the user's home page that the user may view."""
    home = my_home(user)
    if home is None:
        return []
    return list(filter_visible(home.get_children().live().in_menu(), user).only("title", "url_path", "path"))


def visible_children(index_page, user, model):
    return filter_visible(model.objects.live().child_of(index_page), user)


def _paginate(request, queryset, params):
    items = Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))
    return {"items": items, "query_string": urlencode({k: v for k, v in params.items() if v})}


def index_listing(index_page, request):
    """Listing context for an index page: its visible children, filtered and paginated."""
    if isinstance(index_page, PolicyIndexPage):
        return policy_listing(index_page, request)
    model = index_page.specific_class.subpage_types[0]
    from django.apps import apps

    model = apps.get_model(model)
    queryset = visible_children(index_page, request.user, model)
    if model is NewsPage:
        today = timezone.localdate()
        queryset = queryset.annotate(pinned=Q(pinned_until__gte=today)).order_by("-pinned", "-date", "-pk")
    elif model is SocialisationPage:
        queryset = queryset.order_by("-period_start", "-pk")
    else:
        queryset = queryset.order_by("title")
    return _paginate(request, queryset, {})


def policy_listing(index_page, request):
    queryset = visible_children(index_page, request.user, PolicyPage)
    years = sorted({d.year for d in queryset.dates("date_issued", "year")}, reverse=True)
    subjects = (
        PolicySubject.objects.filter(content_object__in=queryset)
        .values_list("tag__slug", "tag__name")
        .distinct()
        .order_by("tag__name")
    )
    filters = {
        "jenis": request.GET.get("jenis", ""),
        "pokok": request.GET.get("pokok", ""),
        "tahun": request.GET.get("tahun", ""),
        "status": request.GET.get("status", ""),
    }
    if filters["jenis"] in PolicyPage.RegulationType.values:
        queryset = queryset.filter(regulation_type=filters["jenis"])
    if filters["status"] in PolicyPage.Status.values:
        queryset = queryset.filter(status=filters["status"])
    if filters["tahun"].isdigit():
        queryset = queryset.filter(date_issued__year=int(filters["tahun"]))
    if filters["pokok"]:
        queryset = queryset.filter(subject_items__tag__slug=filters["pokok"]).distinct()
    queryset = queryset.select_related("replaced_by").prefetch_related("subjects").order_by("-date_issued", "-pk")
    return {
        **_paginate(request, queryset, filters),
        "filters": filters,
        "years": years,
        "subjects": list(subjects),
        "regulation_types": PolicyPage.RegulationType.choices,
        "statuses": PolicyPage.Status.choices,
    }


def audience_pegawai(page, requirement=None):
    """The active employees a required-reading page is for: its instansi, narrowed by its audience rules and
    its group view restrictions."""
    instansi_id = requirement.instansi_id if requirement else getattr(home_of(page), "instansi_id", None)
    queryset = Pegawai.objects.filter(is_active=True)
    if instansi_id:
        queryset = queryset.filter(instansi_id=instansi_id)
    rules = list(page.audience_rules.select_related("unit"))
    if rules:
        match = Q()
        for rule in rules:
            match |= rule.pegawai_q()
        queryset = queryset.filter(pk__in=Pegawai.objects.filter(match).values("pk"))
    for restriction in PageViewRestriction.objects.filter(
        page__in=Page.objects.ancestor_of(page, inclusive=True), restriction_type=PageViewRestriction.GROUPS
    ).prefetch_related("groups"):
        # EXISTS, not a join: each employee once, so the report counts without DISTINCT (a sort of the whole
        # instansi, which spilled to disk at 40,000 employees)
        in_groups = get_user_model().groups.through.objects.filter(
            user_id=OuterRef("user_id"), group__in=list(restriction.groups.all())
        )
        queryset = queryset.filter(Exists(in_groups))
    return queryset


def _acknowledged(requirement):
    return Acknowledgement.objects.filter(
        page_id=requirement.page_id, generation=requirement.generation, pegawai_id=OuterRef("pk")
    )


def outstanding_reading(user):
    """Required reading still open for the user: visible, in its audience, not acknowledged this round."""
    me = pegawai_of(user)
    if me is None:
        return []
    requirements = (
        ReadingRequirement.objects.filter(active=True, instansi_id=me.instansi_id)
        .filter(page__in=filter_visible(Page.objects.live(), user))
        .exclude(
            Exists(
                Acknowledgement.objects.filter(
                    page_id=OuterRef("page_id"), generation=OuterRef("generation"), pegawai=me
                )
            )
        )
        .select_related("page")
        .order_by("deadline", "pk")
    )

    def outstanding():
        # audience rules and view restrictions were applied by filter_visible for ordinary employees, in the one
        # query above; editors skip the audience rules there, so for them each requirement's audience is asked
        if not privacy_context(user).skip_audience:
            return list(requirements)
        return [r for r in requirements if audience_pegawai(r.page, r).filter(pk=me.pk).exists()]

    # kept in the frame: an acknowledgement draws the user's token, a requirement or a page the shared one
    # (home.signals)
    return remember(user, "outstanding_reading", outstanding)


def reading_state(page, user):
    """What the required-reading box on a page shows this user."""
    requirement = ReadingRequirement.objects.filter(page_id=page.pk, active=True).first()
    me = pegawai_of(user)
    if requirement is None or me is None:
        return None
    in_audience = audience_pegawai(page, requirement).filter(pk=me.pk).exists()
    acknowledgement = (
        Acknowledgement.objects.filter(page_id=page.pk, pegawai=me, generation=requirement.generation).first()
        if in_audience
        else None
    )
    previous = (
        in_audience
        and acknowledgement is None
        and Acknowledgement.objects.filter(page_id=page.pk, pegawai=me, generation__lt=requirement.generation).exists()
    )
    return {
        "requirement": requirement,
        "in_audience": in_audience,
        "acknowledgement": acknowledgement,
        "needs_again": previous,
        "can_report": can_see_reports(user, requirement.instansi_id),
    }


def is_editor(user):
    return is_content_editor(user)


def can_see_reports(user, instansi_id):
    return acts_as(user, EDITOR_ROLES, instansi_id)


def requirements_for_editor(user):
    queryset = ReadingRequirement.objects.select_related("page", "instansi").order_by("-active", "deadline", "pk")
    if is_superadmin(user):
        return queryset
    if not is_content_editor(user):
        return queryset.none()
    return queryset.filter(instansi_id=pegawai_of(user).instansi_id)


class Counted:
    """A queryset whose count is already known (e.g. from a report's totals), so that paginating it does not count
    the whole instansi again."""

    def __init__(self, queryset, count):
        self.queryset, self._count = queryset, count

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, index):
        return self.queryset[index]

    def __iter__(self):
        return iter(self.queryset)


def acknowledgement_report(requirement):
    """Totals, per-unit counts and the queryset of those still outstanding."""
    audience = audience_pegawai(requirement.page, requirement).annotate(done=Exists(_acknowledged(requirement)))
    per_unit = list(
        audience.order_by()
        .values("unit__name")
        .annotate(total=Count("pk"), done_count=Count("pk", filter=Q(done=True)))
        .order_by("unit__name")
    )
    for row in per_unit:
        row["percent"] = round(100 * row["done_count"] / row["total"]) if row["total"] else 0
    total = sum(row["total"] for row in per_unit)
    done = sum(row["done_count"] for row in per_unit)
    outstanding = audience.filter(done=False).select_related("unit", "jabatan").order_by("unit__name", "nama", "pk")
    return {
        "total": total,
        "done": done,
        "percent": round(100 * done / total) if total else 0,
        "per_unit": per_unit,
        "outstanding": outstanding,
    }


def answers_for_pages(user):
    """Whether the user owns (or answers for) any live page: most employees do not, and are spared the queries."""
    owned = Q(content_owner=user) | Q(content_owner__isnull=True, owner=user)
    return remember(
        user, "answers_for_pages", lambda: any(m.objects.live().filter(owned).exists() for m in OWNED_PAGE_TYPES)
    )


def review_due_pages(user, today=None):
    """Pages the user answers for whose review date has passed."""
    today = today or timezone.localdate()
    found = []
    if not answers_for_pages(user):
        return found
    for model in OWNED_PAGE_TYPES:
        found.extend(
            model.objects.live()
            .filter(review_by__lt=today)
            .filter(Q(content_owner=user) | Q(content_owner__isnull=True, owner=user))
            .order_by("review_by")
        )
    return sorted(found, key=lambda page: page.review_by or date.min)


def feedback_for_owner(user):
    owned = Q()
    for model in OWNED_PAGE_TYPES:
        owned |= Q(
            page_id__in=model.objects.filter(Q(content_owner=user) | Q(content_owner__isnull=True, owner=user)).values(
                "pk"
            )
        )
    return PageFeedback.objects.filter(owned).select_related("page", "user").order_by("-created_at")


def search_gaps(user):
    queryset = SearchGap.objects.all()
    if is_superadmin(user):
        return queryset
    if not is_content_editor(user):
        return queryset.none()
    return queryset.filter(instansi_id=pegawai_of(user).instansi_id)


def reading_at_a_glance(user, limit=3):
    """For leaders: the instansi's latest active required readings, each with its completion and its units, the
    least complete first (two queries per reading)."""
    me = pegawai_of(user)
    if me is None or not acts_as(user, roles.PIMPINAN, me.instansi_id):
        return None
    requirements = (
        ReadingRequirement.objects.filter(active=True, instansi_id=me.instansi_id, page__live=True)
        .select_related("page")
        .order_by("-generation_since", "-pk")[:limit]
    )
    rows = []
    for requirement in requirements:
        report = acknowledgement_report(requirement)
        units = sorted(report["per_unit"], key=lambda row: (row["percent"], row["unit__name"]))
        rows.append({"requirement": requirement, "percent": report["percent"], "total": report["total"],
                     "done": report["done"], "lowest": units[:3]})  # fmt: skip
    return rows


def moderated_task_ids(user):
    """The active group approval tasks whose groups the user is in (kept in the user's frame)."""
    return remember(
        user,
        "moderated_tasks",
        lambda: sorted(
            GroupApprovalTask.objects.filter(active=True, groups__in=user_group_ids(user))
            .values_list("pk", flat=True)
            .distinct()
        ),
    )


def approvals_for(user):
    """Page workflow tasks in progress that this user moderates, oldest first, never their own submissions. The same
    rule as Wagtail's group approval task (a member of one of the task's groups; a superuser any), in one query
    instead of Wagtail's one per task of every instansi; `approval_for` asks the task itself before anything is
    decided."""
    states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        task__active=True,
        workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
    )
    if not user.is_superuser:
        states = states.filter(task_id__in=moderated_task_ids(user))
    return (
        states.exclude(workflow_state__requested_by=user)
        .select_related(
            "task",
            "revision",
            "workflow_state__workflow",
            "workflow_state__requested_by__pegawai",
            "workflow_state__content_type",
        )
        .order_by("started_at", "pk")
    )


def approval_for(user, task_state_id):
    """One task awaiting this user's decision, with its page; 404 for anyone who may not decide it (another
    instansi's page, a task of another group, one's own submission, a task already decided)."""
    state = get_object_or_404(approvals_for(user), pk=task_state_id)
    page = Page.objects.filter(pk=state.workflow_state.object_id).first()
    if page is None or in_other_instansi(page, user) or not state.task.specific.user_can_access_editor(page, user):
        raise Http404
    return state, page


def pages_awaiting_my_approval(user, limit=10):
    """Workflow tasks (e.g. a policy awaiting the Pimpinan) this user may approve, never their own submissions; no
    query at all for the many who moderate nothing."""
    if not user.is_superuser and not moderated_task_ids(user):
        return []
    return list(approvals_for(user)[:limit])
