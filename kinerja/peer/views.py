"""Pages of peer feedback (umpan balik rekan). Thin: parse, call a service or query, render. No page shows a single
answer or who gave it: results are the aggregate of `queries.results`, and only once released."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.models import Pegawai
from portal.page_helpers import error_text, paginate
from portal.scoping import pegawai_of

from . import permissions, queries, rules, services
from .forms import AnswerForm, OpenRoundForm


def index(request):
    """The rater's pending assignments, the employee's own rounds, and the rounds the user manages."""
    may_open = permissions.may_open_any(request.user)
    about_me = queries.mark(list(queries.about_me(request.user)[:20]))
    managed = paginate(request, queries.managed(request.user))
    managed.object_list = queries.mark(list(managed.object_list))
    return render(request, "kinerja/peer/index.html", {
        "pending": list(queries.pending(request.user)[:50]), "answered": list(queries.answered_by_me(request.user)[:10]),
        "about_me": about_me, "managed": managed, "may_open": may_open,
    })  # fmt: skip


def answer(request, pk):
    assignment = queries.own_assignment(request.user, pk)
    if assignment is None:
        raise Http404
    values = queries.values()
    peer_round = assignment.round
    closed = rules.is_closed(peer_round.status, peer_round.closes_on, timezone.localdate())
    form = AnswerForm(request.POST or None, values=values)
    if request.method == "POST" and not assignment.answered and form.is_valid():
        try:
            services.answer(actor=request.user, assignment=assignment, answers=form.answers())
        except ValidationError as error:
            form.add_error(None, error)
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(request, _("Terima kasih. Jawaban Anda tersimpan tanpa nama Anda."))
            return redirect("kinerja:peer")
    return render(request, "kinerja/peer/answer.html", {
        "assignment": assignment, "round": peer_round, "form": form, "closed": closed,
    }, status=400 if form.errors else 200)  # fmt: skip


def open_round(request):
    """Step one: choose the employee (a supervisor's direct reports, HR's search); step two: window, deadline and
    raters, the suggested ones ticked."""
    if not permissions.may_open_any(request.user):
        raise Http404
    me = pegawai_of(request.user)
    search = request.GET.get("q", "").strip()[:60]
    subject_id = request.GET.get("pegawai", "")
    if not subject_id.isdigit():
        return render(request, "kinerja/peer/open_choose.html", {
            "people": list(queries.subjects_for(request.user, search)), "q": search,
            "is_hr": permissions.is_hr(request.user, me.instansi_id),
        })  # fmt: skip
    subject = Pegawai.objects.select_related("jabatan", "unit").filter(pk=subject_id, instansi=me.instansi).first()
    if subject is None or not permissions.can_open_round(request.user, subject):
        raise Http404
    period = queries.open_period_of(subject.instansi_id)
    if period is None:
        messages.error(request, _("Belum ada periode kinerja yang berjalan."))
        return redirect("kinerja:peer")
    suggestions = queries.suggested_raters(subject)
    initial = {"raters": [p.pk for p in suggestions], "closes_on": timezone.localdate() + timedelta(days=14)}
    form = OpenRoundForm(request.POST or None, initial=initial, period=period, suggestions=suggestions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        others = queries.instansi_people_by_nip(subject.instansi_id, data["other_nips"])
        unknown = set(data["other_nips"]) - {p.nip for p in others}
        if unknown:
            form.add_error("other_nips", _("NIP tidak ditemukan di instansi ini: %(nips)s") % {
                "nips": ", ".join(sorted(unknown))})  # fmt: skip
        else:
            try:
                peer_round = services.open_round(
                    actor=request.user, subject=subject, period=period, window=data["window"],
                    closes_on=data["closes_on"], raters=[*data["raters"], *others],
                )  # fmt: skip
            except ValidationError as error:
                form.add_error(None, error)
            except PermissionDenied:
                raise Http404 from None
            else:
                messages.success(request, _("Putaran dibuka; penilai sudah diberi tahu."))
                return redirect("kinerja:peer_round", pk=peer_round.pk)
    return render(request, "kinerja/peer/open.html", {
        "subject": subject, "period": period, "form": form, "minimum": queries.minimum_raters(subject.instansi_id),
    }, status=400 if form.errors else 200)  # fmt: skip


def round_detail(request, pk):
    peer_round = queries.visible_round(request.user, pk)
    if peer_round is None:
        raise Http404
    may_manage = permissions.can_manage(request.user, peer_round)
    return render(request, "kinerja/peer/round.html", {
        "round": peer_round, "may_manage": may_manage, "result": queries.results(peer_round),
    })  # fmt: skip


@require_POST
def close(request, pk):
    peer_round = queries.visible_round(request.user, pk)
    if peer_round is None:
        raise Http404
    try:
        services.close_round(actor=request.user, peer_round=peer_round)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Putaran ditutup."))
    return redirect("kinerja:peer_round", pk=peer_round.pk)
