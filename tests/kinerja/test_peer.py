"""Peer feedback (umpan balik rekan): who opens a round and who answers, an assignment answered once, the anonymity
threshold in the pages, the API and the evaluation page (2 answers: nothing; 3: the aggregate only), nothing in the
stored answers that leads back to a rater, scoping, and constant queries on the lists."""

import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient
from wagtail.models import ModelLogEntry
from wagtail.snippets.models import get_snippet_models

from kinerja.evaluation import services as evaluation_services
from kinerja.models import Answer, Assignment, BerakhlakValue, Evaluation, PeerFeedbackRule, PeerRound, Response
from kinerja.peer import queries, rules, services
from portal.models import Notification
from tests.factories import make_pegawai

pytestmark = pytest.mark.django_db

COMMENT = "Sangat membantu rekan satu tim"


def raters_of(org):
    return [org.rekan, org.cucu, org.konten, org.pelatihan]


def open_round(org, period, who=None, raters=None, **extra):
    return services.open_round(
        actor=(who or org.atasan).user, subject=org.pegawai, period=period,
        closes_on=timezone.localdate() + timedelta(days=7), raters=raters or raters_of(org), **extra,
    )  # fmt: skip


def answers(rating="SESUAI", comment=""):
    return {value.pk: (rating, comment) for value in BerakhlakValue.objects.all()}


def answer_by(peer_round, *people, comment=""):
    for person in people:
        assignment = peer_round.assignments.get(rater=person)
        services.answer(actor=person.user, assignment=assignment, answers=answers("DI_ATAS", comment))


def api(who):
    client = APIClient()
    client.force_authenticate(getattr(who, "user", who))
    return client


# --- who opens, who answers --------------------------------------------------------------------------------------


def test_the_supervisor_and_hr_open_a_round_others_may_not(org, period):
    peer_round = open_round(org, period)
    assert peer_round.instansi_id == org.gorontalo.pk
    assert dict(peer_round.assignments.values_list("rater_id", "relation")) == {
        org.rekan.pk: "peer", org.cucu.pk: "subordinate", org.konten.pk: "other", org.pelatihan.pk: "peer",
    }  # fmt: skip
    assert Notification.objects.filter(recipient=org.rekan.user, kind="kinerja.peer_assigned").exists()
    PeerRound.objects.all().delete()
    assert open_round(org, period, who=org.sdm).pk
    PeerRound.objects.all().delete()
    for who in (org.rekan, org.pegawai, org.sdm_malut):
        with pytest.raises(PermissionDenied):
            open_round(org, period, who=who)


def test_a_round_needs_the_minimum_of_raters_of_the_same_instansi(org, period):
    with pytest.raises(ValidationError, match="paling sedikit 3"):
        open_round(org, period, raters=[org.rekan, org.cucu, org.pegawai])  # the employee is never their own rater
    with pytest.raises(ValidationError, match="instansi yang sama"):
        open_round(org, period, raters=[org.rekan, org.cucu, org.pegawai_malut])
    PeerFeedbackRule.objects.create(instansi=org.gorontalo, setting="min_raters", value=5)
    with pytest.raises(ValidationError, match="paling sedikit 5"):
        open_round(org, period)
    assert rules.threshold(1) == 3  # an instansi may raise the minimum, never lower it


def test_an_assignment_is_answered_once_by_its_rater_only(org, period, login):
    peer_round = open_round(org, period)
    assignment = peer_round.assignments.get(rater=org.rekan)
    with pytest.raises(PermissionDenied):
        services.answer(actor=org.cucu.user, assignment=assignment, answers=answers())
    with pytest.raises(ValidationError, match="ketujuh"):
        services.answer(actor=org.rekan.user, assignment=assignment, answers={})
    url = reverse("kinerja:peer_answer", args=[assignment.pk])
    assert login(org.cucu).get(url).status_code == 404
    form = {f"rating_{pk}": "SESUAI" for pk in BerakhlakValue.objects.values_list("pk", flat=True)}
    response = login(org.rekan).post(url, form)
    assert response.status_code == 302 and Response.objects.count() == 1 and Answer.objects.count() == 7
    assignment.refresh_from_db()
    assert assignment.answered
    again = login(org.rekan).get(url)
    assert b"sudah menjawab" in again.content and b"Kirim umpan balik" not in again.content
    login(org.rekan).post(url, form)
    assert Response.objects.count() == 1
    with pytest.raises(ValidationError, match="sudah menjawab"):
        services.answer(actor=org.rekan.user, assignment=assignment, answers=answers())


def test_a_closed_round_takes_no_more_answers(org, period):
    peer_round = open_round(org, period)
    services.close_round(actor=org.atasan.user, peer_round=peer_round)
    with pytest.raises(ValidationError, match="ditutup"):
        answer_by(peer_round, org.rekan)
    with pytest.raises(PermissionDenied):
        services.close_round(actor=org.rekan.user, peer_round=open_round(org, period, window=period.windows.first()))


# --- anonymity ---------------------------------------------------------------------------------------------------


def test_no_stored_answer_leads_back_to_its_rater(org, period):
    peer_round = open_round(org, period)
    logged, notified = ModelLogEntry.objects.count(), Notification.objects.count()
    answer_by(peer_round, org.rekan, org.cucu, org.konten, comment=COMMENT)
    # no audit entry, no notification, nothing else written when answering
    assert (ModelLogEntry.objects.count(), Notification.objects.count()) == (logged, notified)
    # the response holds its round and the day only, with a random key; answers likewise
    assert {f.name for f in Response._meta.concrete_fields} == {"id", "round", "submitted_on"}
    assert {f.name for f in Answer._meta.concrete_fields} == {"id", "response", "value", "rating", "comment"}
    assert isinstance(Response._meta.get_field("submitted_on"), models.DateField)
    assert not isinstance(Response._meta.get_field("submitted_on"), models.DateTimeField)
    for model in (Response, Answer):
        assert isinstance(model._meta.pk, models.UUIDField)
    # the assignment says who and whether, with no relation to any response and no time of answering
    relations = {f.related_model for f in Assignment._meta.concrete_fields if f.is_relation}
    assert Response not in relations and Answer not in relations
    assert not [f for f in Assignment._meta.concrete_fields if isinstance(f, models.DateField | models.DateTimeField)]
    rater_ids = {str(p.pk) for p in (org.rekan, org.cucu, org.konten)} | {
        str(p.user_id) for p in (org.rekan, org.cucu, org.konten)
    }
    for row in Response.objects.values():
        assert isinstance(row["id"], uuid.UUID)
        assert set(row) == {"id", "round_id", "submitted_on"}
    for row in Answer.objects.values("id", "response_id", "value_id", "rating", "comment"):
        assert str(row["id"]) not in rater_ids


def test_no_admin_view_or_snippet_exposes_answers(org, period, client):
    assert not {Response, Answer, Assignment, PeerRound} & set(get_snippet_models())
    client.force_login(org.sdm.user)
    for path in ("/admin/snippets/kinerja/response/", "/admin/snippets/kinerja/answer/", "/django-admin/"):
        assert client.get(path).status_code == 404, path


def test_below_the_threshold_nothing_is_shown_anywhere(org, period, login):
    peer_round = open_round(org, period)
    answer_by(peer_round, org.rekan, org.cucu, comment=COMMENT)
    services.close_round(actor=org.atasan.user, peer_round=peer_round)
    for who in (org.pegawai, org.atasan, org.sdm):
        page = login(who).get(reverse("kinerja:peer_round", args=[peer_round.pk])).content.decode()
        assert "Belum cukup jawaban" in page
        assert COMMENT not in page and "Berorientasi Pelayanan" not in page and "Rata-rata" not in page
        body = api(who).get(f"/api/v1/kinerja/peer/results/{org.pegawai.pk}/").json()
        assert body == {"released": False, "reason": "below_threshold", "year": period.year, "window": None,
                        "minimum_raters": 3}  # fmt: skip


def test_from_the_threshold_only_the_aggregate_is_shown(org, period, login):
    peer_round = open_round(org, period)
    answer_by(peer_round, org.rekan, org.cucu, org.konten, comment=COMMENT)
    open_page = login(org.pegawai).get(reverse("kinerja:peer_round", args=[peer_round.pk])).content.decode()
    assert "masih berjalan" in open_page and COMMENT not in open_page  # not before it is closed
    assert api(org.pegawai).get(f"/api/v1/kinerja/peer/results/{org.pegawai.pk}/").json()["reason"] == "open"
    services.close_round(actor=org.sdm.user, peer_round=peer_round)
    for who in (org.pegawai, org.atasan, org.sdm):
        page = login(who).get(reverse("kinerja:peer_round", args=[peer_round.pk])).content.decode()
        assert "Gabungan jawaban 3 penilai" in page and COMMENT in page
        for rater in (org.rekan, org.cucu, org.konten):
            assert rater.full_name not in page
    body = api(org.atasan).get(f"/api/v1/kinerja/peer/results/{org.pegawai.pk}/?period={period.year}").json()
    assert body["released"] and body["raters"] == 3 and len(body["values"]) == 7
    first = body["values"][0]
    assert first["distribution"] == {"DI_BAWAH": 0, "SESUAI": 0, "DI_ATAS": 3} and first["average"] == 3.0
    assert first["comments"] == [COMMENT] * 3
    assert set(first) == {"code", "name", "average", "distribution", "comments"}


def test_the_evaluation_page_shows_the_aggregate_to_the_pejabat_penilai(org, period, chain, login):
    window = period.windows.get(sequence=1)
    evaluation_services.open_evaluations(actor=org.sdm.user, period=period, window=window)
    evaluation = Evaluation.objects.get(skp=chain.bottom)
    peer_round = open_round(org, period, window=window)
    answer_by(peer_round, org.rekan, org.cucu)
    services.close_round(actor=org.atasan.user, peer_round=peer_round)
    url = reverse("kinerja:evaluation", args=[evaluation.pk])
    assert "Belum cukup jawaban" in login(org.atasan).get(url).content.decode()
    PeerRound.objects.filter(pk=peer_round.pk).update(status="open")
    answer_by(peer_round, org.konten)
    services.close_round(actor=org.atasan.user, peer_round=peer_round)
    page = login(org.atasan).get(url).content.decode()
    assert "Umpan balik rekan (BerAKHLAK)" in page and "Gabungan jawaban 3 penilai" in page


# --- scoping -----------------------------------------------------------------------------------------------------


def test_another_instansi_and_bystanders_get_404(org, period, login):
    peer_round = open_round(org, period)
    assignment = peer_round.assignments.get(rater=org.rekan)
    for who in (org.sdm_malut, org.pegawai_malut, org.rekan):
        assert login(who).get(reverse("kinerja:peer_round", args=[peer_round.pk])).status_code == 404
        assert login(who).post(reverse("kinerja:peer_close", args=[peer_round.pk])).status_code == 404
        assert api(who).get(f"/api/v1/kinerja/peer/results/{org.pegawai.pk}/").status_code == 404
    for who in (org.sdm_malut, org.sdm, org.atasan):
        assert login(who).get(reverse("kinerja:peer_answer", args=[assignment.pk])).status_code == 404
    assert login(org.sdm_malut).get(reverse("kinerja:peer_open") + f"?pegawai={org.pegawai.pk}").status_code == 404


def test_opening_a_round_through_the_page(org, period, login):
    client = login(org.atasan)
    chooser = client.get(reverse("kinerja:peer_open")).content.decode()
    assert org.pegawai.full_name in chooser
    page = client.get(reverse("kinerja:peer_open") + f"?pegawai={org.pegawai.pk}")
    suggested = {p.pk for p in page.context["form"].fields["raters"].queryset}
    assert {org.rekan.pk, org.cucu.pk} <= suggested and org.pegawai_malut.pk not in suggested
    data = {"closes_on": (timezone.localdate() + timedelta(days=5)).isoformat(), "raters": [org.rekan.pk, org.cucu.pk],
            "other_nips": f"{org.konten.nip}\n{org.pegawai_malut.nip}"}  # fmt: skip
    refused = client.post(reverse("kinerja:peer_open") + f"?pegawai={org.pegawai.pk}", data)
    assert refused.status_code == 400 and org.pegawai_malut.nip in refused.content.decode()
    data["other_nips"] = org.konten.nip
    done = client.post(reverse("kinerja:peer_open") + f"?pegawai={org.pegawai.pk}", data)
    assert done.status_code == 302
    assert set(PeerRound.objects.get().assignments.values_list("rater_id", flat=True)) == {
        org.rekan.pk, org.cucu.pk, org.konten.pk,
    }  # fmt: skip


# --- lists and menu ----------------------------------------------------------------------------------------------


def test_the_lists_cost_the_same_queries_for_more_rounds(org, period, login, django_assert_max_num_queries):
    colleagues = [make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, username=f"kolega{n}") for n in range(6)]
    raters = raters_of(org)

    def add(subject):
        services.open_round(actor=org.atasan.user, subject=subject, period=period,
                            closes_on=timezone.localdate() + timedelta(days=7), raters=[*raters, org.pegawai])  # fmt: skip

    add(colleagues[0])
    for who in (org.atasan, org.pegawai):
        login(who).get(reverse("kinerja:peer"))
    with django_assert_max_num_queries(40) as few:
        assert login(org.atasan).get(reverse("kinerja:peer")).status_code == 200
    with django_assert_max_num_queries(40) as few_pegawai:
        assert login(org.pegawai).get(reverse("kinerja:peer")).status_code == 200
    for subject in colleagues[1:]:
        add(subject)
    with django_assert_max_num_queries(len(few)):
        page = login(org.atasan).get(reverse("kinerja:peer"))
    assert len(page.context["managed"].object_list) == 6
    with django_assert_max_num_queries(len(few_pegawai)):
        page = login(org.pegawai).get(reverse("kinerja:peer"))
    assert len(page.context["pending"]) == 6


def test_the_menu_counts_pending_assignments(org, period, login):
    open_round(org, period)
    page = login(org.rekan).get(reverse("kinerja:peer")).content.decode()
    assert "Umpan balik rekan" in page and "perlu dijawab" in page
    assert list(queries.pending(org.rekan.user)) and not list(queries.pending(org.sdm.user))
