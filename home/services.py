"""Every state change of the intranet module: one function per use case, in a transaction, checking
permission and state, audit-logged with Wagtail's log."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import TaskState

from portal import frame
from portal.scoping import pegawai_of
from portal.services import notify

from . import editorial, queries
from .models import (
    Acknowledgement,
    PageFeedback,
    QuizAttempt,
    ReadingRequirement,
    SearchGap,
)
from .models.privacy import can_view

# Days before the deadline on which the outstanding audience is reminded; each step once.
REMINDER_STEPS = (7, 3, 1, 0)

# ---------------------------------------------------------------- required reading


@transaction.atomic
def sync_reading_requirement(page, revision=None, user=None):
    """Called when a page is published: copy its required-reading setting to the requirement, and start a new
    round of acknowledgements when the editor asked for re-acknowledgement."""
    specific = page.specific
    if not hasattr(specific, "is_required_reading"):
        return None
    requirement = ReadingRequirement.objects.select_for_update().filter(page_id=page.pk).first()
    if not specific.is_required_reading:
        if requirement is not None and requirement.active:
            requirement.active = False
            requirement.save(update_fields=["active"])
        return requirement
    home = queries.home_of(page)
    now = timezone.now()
    if requirement is None:
        requirement = ReadingRequirement(page_id=page.pk, generation=1, generation_since=now)
    elif specific.reacknowledge:
        requirement.generation = F("generation") + 1
        requirement.generation_since = now
    requirement.instansi_id = home.instansi_id if home else None
    requirement.active = True
    requirement.deadline = specific.reading_deadline
    requirement.revision = revision or page.latest_revision
    requirement.save()
    requirement.refresh_from_db()
    if specific.reacknowledge:
        _clear_reacknowledge_flag(specific, revision)
        log(page, "home.reacknowledge", user=user, data={"generation": requirement.generation})
    return requirement


def _clear_reacknowledge_flag(page, revision):
    """The flag is a one-shot request: clear it on the live page and in the published revision, so the next
    edit starts unticked and republishing does not start yet another round."""
    type(page).objects.filter(pk=page.pk).update(reacknowledge=False)
    if revision is not None and revision.content.get("reacknowledge"):
        revision.content["reacknowledge"] = False
        revision.save(update_fields=["content"])


def deactivate_requirement(page):
    ReadingRequirement.objects.filter(page_id=page.pk).update(active=False)
    frame.forget_shared(content=False)  # update() sends no signal: the frames keep each user's outstanding reading


def grade_quiz(page, answers):
    """Score in percent of the page's comprehension check for {question_index: option_number}."""
    questions = list(page.quiz)
    if not questions:
        return None
    correct = sum(1 for i, block in enumerate(questions) if str(answers.get(str(i), "")) == str(block.value["correct"]))
    return round(100 * correct / len(questions))


def acknowledge(user, page, answers=None):
    """The employee confirms "Saya telah membaca dan memahami" for the current round (passing the
    comprehension check first where the page has one). Returns the Acknowledgement.

    Not one transaction: a failed comprehension attempt is recorded even though the confirmation is refused."""
    me = pegawai_of(user)
    requirement = ReadingRequirement.objects.filter(page_id=page.pk, active=True).first()
    if me is None or requirement is None:
        raise ValidationError(_("Halaman ini bukan bacaan wajib."))
    if not can_view(page, user) or not queries.audience_pegawai(page, requirement).filter(pk=me.pk).exists():
        raise PermissionDenied(_("Halaman ini bukan bacaan wajib untuk Anda."))
    existing = Acknowledgement.objects.filter(page=page, pegawai=me, generation=requirement.generation).first()
    if existing is not None:
        return existing
    specific = page.specific
    score = None
    if getattr(specific, "quiz", None):
        answers = answers or {}
        score = grade_quiz(specific, answers)
        passed = score >= specific.quiz_pass_mark
        QuizAttempt.objects.create(
            page=page, pegawai=me, generation=requirement.generation, answers=answers, score=score, passed=passed
        )
        if not passed:
            raise ValidationError(
                _(
                    "Nilai uji pemahaman Anda %(score)s%%, di bawah nilai lulus %(mark)s%%. Silakan baca lagi dan coba kembali."
                )
                % {"score": score, "mark": specific.quiz_pass_mark}
            )
    try:
        with transaction.atomic():
            ack = Acknowledgement.objects.create(
                page=page,
                pegawai=me,
                user=user,
                revision=requirement.revision or page.live_revision,
                generation=requirement.generation,
                quiz_score=score,
            )
    except IntegrityError:  # a double submit: the first one counts
        return Acknowledgement.objects.get(page=page, pegawai=me, generation=requirement.generation)
    log(page, "home.acknowledge", user=user, data={"generation": requirement.generation, "score": score})
    return ack


def send_reading_reminders(today=None):
    """Remind those outstanding before each deadline, once per reminder step: the notification's dedupe key
    holds the page, the round and the step, so running the job again (or twice a day) sends nothing new."""
    today = today or timezone.localdate()
    sent = 0
    horizon = today + timedelta(days=max(REMINDER_STEPS))
    requirements = ReadingRequirement.objects.filter(
        active=True, deadline__gte=today, deadline__lte=horizon, page__live=True
    ).select_related("page")
    for requirement in requirements:
        days_left = (requirement.deadline - today).days
        step = min(s for s in REMINDER_STEPS if s >= days_left)
        report = queries.acknowledgement_report(requirement)
        url = requirement.page.url or ""
        for pegawai in report["outstanding"].select_related("user"):
            created = notify(
                pegawai.user,
                kind="home.reading_reminder",
                params={
                    "title": requirement.page.title,
                    "date": requirement.deadline.strftime("%d-%m-%Y"),
                    "page": requirement.page_id,
                    "generation": requirement.generation,
                },  # fmt: skip
                url=url,
                dedupe_key=f"home.reading:{requirement.page_id}:{requirement.generation}:{step}",
            )
            sent += created is not None
    return sent


def send_review_reminders(today=None):
    """Remind page owners whose pages are past their review date, once per page and review date."""
    from django.contrib.auth import get_user_model

    today = today or timezone.localdate()
    sent = 0
    for model in queries.OWNED_PAGE_TYPES:
        for page in model.objects.live().filter(review_by__lt=today).select_related("content_owner", "owner"):
            owner = page.responsible_user
            if owner is None or not isinstance(owner, get_user_model()):
                continue
            created = notify(
                owner,
                kind="home.review_due",
                params={"title": page.title, "page": page.pk},
                url=f"/admin/pages/{page.pk}/edit/",
                dedupe_key=f"home.review:{page.pk}:{page.review_by.isoformat()}",
            )
            sent += created is not None
    return sent


# ---------------------------------------------------------------- feedback and search gaps


@transaction.atomic
def submit_feedback(user, page, kind, comment=""):
    if kind not in PageFeedback.Kind.values:
        raise ValidationError(_("Jenis umpan balik tidak dikenal."))
    if not can_view(page, user):
        raise PermissionDenied
    comment = (comment or "").strip()
    if kind == PageFeedback.Kind.PROBLEM and not comment:
        raise ValidationError({"comment": _("Jelaskan masalah yang Anda temukan.")})
    feedback = PageFeedback.objects.create(page=page, user=user, kind=kind, comment=comment[:2000])
    owner = getattr(page.specific, "responsible_user", None) or page.owner
    if owner is not None and owner != user and (kind != PageFeedback.Kind.HELPFUL):
        notify(
            owner,
            kind="home.feedback",
            title=_("%(kind)s: %(title)s") % {"kind": feedback.get_kind_display(), "title": page.title},
            body=comment,
            url=page.url or "",
            dedupe_key=f"home.feedback:{feedback.pk}",
        )
    log(page, "home.feedback", user=user, data={"kind": kind})
    return feedback


def record_search_gap(user, query):
    query = " ".join(query.lower().split())[:200]
    if not query:
        return None
    me = pegawai_of(user)
    gap, _created = SearchGap.objects.get_or_create(instansi_id=me.instansi_id if me else None, query=query)
    SearchGap.objects.filter(pk=gap.pk).update(hits=F("hits") + 1, last_seen=timezone.now())
    return gap


# ---------------------------------------------------------------- moderation from the intranet

APPROVAL_ACTIONS = ("approve", "reject")


@transaction.atomic
def decide_approval(*, actor, task_state_id: int, action: str, comment: str = "") -> str:
    """Approve a page's workflow task, or send it back for changes ("reject", a comment required), as the Wagtail
    editor does: the task itself says whether the actor may (`get_actions`) and performs it (`on_action`), which
    moves the workflow on, publishes after the last task, logs and sends the moderation emails. The submitter
    never decides their own submission. Returns the action performed."""
    state, page = queries.approval_for(actor, task_state_id)
    state = TaskState.objects.select_for_update().get(pk=state.pk)  # two leaders deciding at once: one wins
    if state.status != TaskState.STATUS_IN_PROGRESS:
        raise ValidationError(_("Halaman ini sudah diputuskan dan tidak lagi menunggu persetujuan."))
    if editorial.is_own_submission(page, actor):
        raise PermissionDenied
    task = state.task.specific
    if action not in APPROVAL_ACTIONS or action not in {name for name, _label, _modal in task.get_actions(page, actor)}:
        raise PermissionDenied
    comment = comment.strip()
    if action == "reject" and not comment:
        raise ValidationError(_("Tuliskan perubahan yang diminta agar pengusul tahu apa yang harus diperbaiki."))
    task.on_action(state.specific, actor, action, comment=comment)
    return action
