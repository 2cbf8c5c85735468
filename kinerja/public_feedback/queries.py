"""Reads of public feedback shared by the pages: HR's service points and moderation queue, a unit's results, and
the results an evaluation shows. Only approved comments ever leave this module for anyone but HR's queue."""

from django.db.models import Avg, Count, Q, Sum

from portal.org_tree import unit_ancestor_ids
from portal.scoping import pegawai_of

from . import rules
from .models import PublicFeedback, ServicePoint

APPROVED = PublicFeedback.Comment.APPROVED
PENDING = PublicFeedback.Comment.PENDING


def own_instansi_id(user):
    me = pegawai_of(user)
    return None if me is None else me.instansi_id


def points_of(instansi_id):
    """The instansi's service points with their count, average and waiting comments (one query)."""
    return (
        ServicePoint.objects.filter(instansi_id=instansi_id)
        .select_related("unit", "pegawai")
        .annotate(
            n=Count("feedback"),
            mean=Avg("feedback__rating"),
            waiting=Count("feedback", filter=Q(feedback__comment_status=PENDING)),
        )
        .order_by("unit__name", "name", "pk")
    )


def point_of(instansi_id, pk):
    return (
        ServicePoint.objects.select_related("unit", "pegawai", "instansi")
        .filter(instansi_id=instansi_id, pk=pk)
        .first()
    )


def active_point(token):
    """The service point behind a public link, or None (a wrong or closed link)."""
    if not token or len(token) > 40:
        return None
    return ServicePoint.objects.select_related("unit", "instansi").filter(token=token, is_active=True).first()


def pending_of(instansi_id):
    """The comments waiting for HR of the instansi, oldest first (one query)."""
    return (
        PublicFeedback.objects.filter(point__instansi_id=instansi_id, comment_status=PENDING)
        .select_related("point__unit", "point__pegawai")
        .order_by("submitted_at", "pk")
    )


def pending_count(instansi_id):
    return PublicFeedback.objects.filter(point__instansi_id=instansi_id, comment_status=PENDING).count()


def summary(feedback):
    """{n, mean, bars} of a feedback queryset (one query)."""
    counts = dict(feedback.order_by().values_list("rating").annotate(n=Count("pk")).values_list("rating", "n"))
    total = sum(counts.values())
    return {
        "n": total,
        "mean": rules.average(sum(stars * n for stars, n in counts.items()), total),
        "bars": rules.distribution(counts),
    }


def unit_feedback(unit):
    return PublicFeedback.objects.filter(point__unit=unit)


def approved_comments(feedback):
    return feedback.filter(comment_status=APPROVED).select_related("point__pegawai").order_by("-submitted_at", "-pk")


def for_employee(pegawai, starts_on, ends_on, comments=5):
    """The service points of an employee (their own, or those without a named employee of their unit and the units
    above it: a Bidang's staff give the Badan's service) with the ratings given in [starts_on, ends_on] and the
    latest approved comments: a fixed number of queries, whatever the number of points."""
    units = unit_ancestor_ids(pegawai.unit) if pegawai.unit_id else set()
    points = list(
        ServicePoint.objects.filter(Q(pegawai=pegawai) | Q(unit_id__in=units, pegawai__isnull=True))
        .filter(instansi_id=pegawai.instansi_id)
        .select_related("unit")
        .annotate(
            n=Count("feedback", filter=Q(feedback__submitted_at__date__range=(starts_on, ends_on))),
            total=Sum("feedback__rating", filter=Q(feedback__submitted_at__date__range=(starts_on, ends_on))),
        )
        .order_by("name", "pk")
    )
    if not points:
        return []
    latest = (
        PublicFeedback.objects.filter(
            point__in=points, comment_status=APPROVED, submitted_at__date__range=(starts_on, ends_on)
        )
        .order_by("-submitted_at", "-pk")
        .only("point_id", "rating", "comment", "submitted_at")[: comments * len(points) * 5]
    )
    by_point = {}
    for row in latest:
        found = by_point.setdefault(row.point_id, [])
        if len(found) < comments:
            found.append(row)
    for point in points:
        point.mean = rules.average(point.total or 0, point.n)
        point.comments = by_point.get(point.pk, [])
    return points
