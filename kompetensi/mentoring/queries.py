"""Reads the mentoring pages, the report and the API share, scoped to the user, with joins done once so that every
list costs the same few queries however many pairs and sessions there are."""

from django.db.models import Avg, Count, Q, Sum
from django.shortcuts import get_object_or_404

from portal.frame import remember
from portal.models import Pegawai
from portal.permissions import is_hr_of
from portal.scoping import pegawai_of

from . import permissions
from .models import MentoringPair, MentoringProgramme, MentoringSession

S = MentoringSession.Status
PAIR_JOINS = ("programme", "mentor__user", "mentor__unit", "mentee__user", "mentee__unit")


def _session_counts(prefix=""):
    return {
        "logged": Count(f"{prefix}sessions", distinct=True),
        "waiting": Count(f"{prefix}sessions", filter=Q(**{f"{prefix}sessions__status": S.LOGGED}), distinct=True),
        "confirmed": Count(f"{prefix}sessions", filter=Q(**{f"{prefix}sessions__status": S.CONFIRMED}), distinct=True),
        "disputed": Count(f"{prefix}sessions", filter=Q(**{f"{prefix}sessions__status": S.DISPUTED}), distinct=True),
    }


def visible_pairs(user):
    return MentoringPair.objects.filter(permissions.pairs_q(user))


def pair_or_404(user, pk):
    return get_object_or_404(visible_pairs(user).select_related(*PAIR_JOINS, "programme__instansi"), pk=pk)


def visible_sessions(user):
    return MentoringSession.objects.filter(permissions.pairs_q(user, "pair__"))


def session_or_404(user, pk):
    return get_object_or_404(
        visible_sessions(user).select_related("pair__programme", "pair__mentor__user", "pair__mentee__user"), pk=pk
    )


def my_mentees(user):
    """Pairs where the user is the mentor, active first, with their session counts."""
    me = pegawai_of(user)
    if me is None:
        return MentoringPair.objects.none()
    return (
        MentoringPair.objects.filter(mentor=me)
        .select_related(*PAIR_JOINS)
        .annotate(**_session_counts())
        .order_by("status", "-programme__start_date", "mentee__nama", "pk")
    )


def my_mentors(user):
    me = pegawai_of(user)
    if me is None:
        return MentoringPair.objects.none()
    return (
        MentoringPair.objects.filter(mentee=me)
        .select_related(*PAIR_JOINS)
        .annotate(**_session_counts(), jp=Sum("sessions__jp"))
        .order_by("status", "-programme__start_date", "pk")
    )


def sessions_to_confirm(user):
    me = pegawai_of(user)
    if me is None:
        return MentoringSession.objects.none()
    return (
        MentoringSession.objects.filter(pair__mentee=me, status=S.LOGGED)
        .select_related("pair__programme", "pair__mentor")
        .order_by("held_on", "pk")
    )


def pair_sessions(pair):
    return pair.sessions.order_by("-held_on", "-pk").prefetch_related("transitions")


def takes_part(user):
    """Whether the user is a mentor or mentee anywhere (the main-menu entry); kept in the user's frame, which the
    pairing service refreshes."""
    me = pegawai_of(user)
    if me is None:
        return False
    return remember(
        user, "mentoring_takes_part", lambda: MentoringPair.objects.filter(Q(mentor=me) | Q(mentee=me)).exists()
    )


# --- programmes and the report ---------------------------------------------------------------------------------


def visible_programmes(user):
    return MentoringProgramme.objects.filter(permissions.programmes_q(user))


def programme_list(user):
    return (
        visible_programmes(user)
        .select_related("instansi")
        .annotate(n_pairs=Count("pairs", distinct=True), n_sessions=Count("pairs__sessions", distinct=True))
        .order_by("-start_date", "-pk")
    )


def programme_or_404(user, pk):
    return get_object_or_404(visible_programmes(user).select_related("instansi", "created_by"), pk=pk)


def programme_pairs(user, programme):
    """The programme's pairs the user may see, each with its session counts and JP."""
    return (
        visible_pairs(user)
        .filter(programme=programme)
        .select_related(*PAIR_JOINS)
        .annotate(**_session_counts(), jp=Sum("sessions__jp"))
        .order_by("mentor__nama", "mentee__nama", "pk")
    )


def programme_report(user, programme):
    """Figures of the programme over the pairs the user may see: pairs, sessions logged / waiting / confirmed /
    disputed, JP counted and the mentees' feedback (count and average). One query."""
    pairs = visible_pairs(user).filter(programme=programme)
    sessions = MentoringSession.objects.filter(pair__in=pairs)
    figures = sessions.aggregate(
        logged=Count("pk"),
        waiting=Count("pk", filter=Q(status=S.LOGGED)),
        confirmed=Count("pk", filter=Q(status=S.CONFIRMED)),
        disputed=Count("pk", filter=Q(status=S.DISPUTED)),
        jp=Sum("jp"),
    )
    feedback = pairs.aggregate(
        pairs=Count("pk"),
        ended=Count("pk", filter=Q(status=MentoringPair.Status.ENDED)),
        feedback=Count("feedback_rating"),
        rating=Avg("feedback_rating"),
    )
    figures["jp"] = figures["jp"] or 0
    feedback["rating"] = round(feedback["rating"], 2) if feedback["rating"] is not None else None
    return {**feedback, **figures}


# --- choices for the forms ---------------------------------------------------------------------------------------


def mentor_choices(user, programme):
    """Who the user may choose as mentor: anyone active of the instansi for HR; themselves and their direct
    reports for a supervisor."""
    people = Pegawai.objects.filter(instansi_id=programme.instansi_id, is_active=True)
    if not is_hr_of(user, programme.instansi_id):
        me = pegawai_of(user)
        people = people.filter(Q(pk=getattr(me, "pk", None)) | Q(atasan=me)) if me else people.none()
    return people.select_related("jabatan").order_by("nama", "pk")


def mentee_choices(user, programme):
    people = Pegawai.objects.filter(instansi_id=programme.instansi_id, is_active=True)
    if not is_hr_of(user, programme.instansi_id):
        me = pegawai_of(user)
        people = people.filter(atasan=me) if me else people.none()
    return people.exclude(mentoring_as_mentee__programme=programme).select_related("jabatan").order_by("nama", "pk")


def panel_figures(me):
    """The home panel: sessions waiting for my confirmation, and my active mentees with how many of my logs wait for
    them (one query)."""
    active = MentoringPair.Status.ACTIVE
    return MentoringPair.objects.filter(Q(mentor=me) | Q(mentee=me)).aggregate(
        to_confirm=Count("sessions", filter=Q(mentee=me, sessions__status=S.LOGGED)),
        mentees=Count("pk", filter=Q(mentor=me, status=active), distinct=True),
        mentors=Count("pk", filter=Q(mentee=me, status=active), distinct=True),
        awaiting_mentees=Count("sessions", filter=Q(mentor=me, sessions__status=S.LOGGED)),
    )
