"""Isolation between instansi, generated from the URL resolver: every URL pattern (front, admin, API, documents and
images), filled with the identifiers of objects that belong to Gorontalo, is requested by every role of Maluku Utara.

- A URL addressed by a Gorontalo object must refuse: 404, 403, 405, or a redirect to a login page or to the admin's
  home (Wagtail's "permission denied"). Never 200 with the object.
- Every page a Maluku Utara role can open (listings, reports, exports, choosers) must not show a Gorontalo name,
  NIP or title.

A new URL pattern with a parameter this walk cannot fill makes the test fail until a provider (or a reasoned
exemption) is added below, so new URLs are covered by default.
"""

import io
import re
import uuid
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from PIL import Image
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.models import ContentPage
from kinerja.calibration import services as calibration_services
from kinerja.coaching import services as coaching_services
from kinerja.decisions import services as decision_services
from kinerja.evaluation import services as evaluation_services
from kinerja.exchange import services as exchange_services
from kinerja.models import (
    AngkaKreditRule,
    DistributionRule,
    EducationCap,
    PredikatCell,
    PromotionRule,
    RequestType,
)
from kinerja.peer import services as peer_services
from kinerja.progress import services as progress_services
from kinerja.public_feedback import services as feedback_services
from kinerja.rhk_templates import services as rhk_template_services
from kinerja.service_desk import queries as service_queries
from kinerja.service_desk import services as service_desk_services
from kinerja.skp import services as skp_services
from kinerja.talent import services as talent_services
from kinerja.talent.models import TalentBox, TalentRule
from kompetensi import services
from kompetensi.competency import services as competency_services
from kompetensi.mentoring import services as mentoring_services
from kompetensi.models import (
    Certificate,
    Competency,
    DevelopmentPlan,
    Enrolment,
    JobStandard,
    JPEntry,
    KonversiJP,
    MatchBand,
    MentoringProgramme,
    PlanActivity,
    SessionMaterial,
    TargetJP,
)
from portal import roles
from portal.models import Holiday, HukumanDisiplin, ImportJob, Notification, Pangkat
from tests.factories import make_jabatan, make_pegawai
from tests.home.builders import add, policy
from tests.home.conftest import _site_for
from tests.kinerja.conftest import approved_skp
from tests.kompetensi.conftest import forget_cached_identity, make_catalog, make_course, make_session
from tests.kompetensi.test_ledger import _external

pytestmark = pytest.mark.django_db

SECRET = "Rahasia Gorontalo"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "white").save(buffer, "PNG")
    return buffer.getvalue()


MALUT_ROLES = ["pegawai_malut", "sdm_malut", "konten_malut", "pelatihan_malut", "pimpinan_malut"]

# URL patterns whose parameters are no instansi's object, or that are public by design; each with its reason.
EXEMPT = {
    "kompetensi:certificate_verify": "public certificate verification by code (issue 4)",
    "kompetensi:calendar_feed": "personal calendar feed, authorised by its secret token",
    "kinerja:public_feedback": "public feedback form of a service point, found by its unguessable token (issue 11)",
    "kinerja:public_feedback_thanks": "thank-you page of the public feedback form; shows only the service's name",
    "password_reset_confirm": "public password reset form; the token is the secret",
    "account_activate": "public first-password form of an imported account; the token is the secret",
    "wagtailadmin_password_reset_confirm": "public password reset form; the token is the secret",
    "wagtaildocs_authenticate_with_password": "password form of a restricted document; no document data",
    "wagtailadmin_tag_autocomplete_for_model": "tag names, no instansi data",
    "portal_import:template": "an empty import template, no instansi data",
    "wagtailimages:add_multiple_upload": "the uploader's own temporary upload",
    "wagtailimages:delete_upload_multiple": "the uploader's own temporary upload",
    "wagtailimages:create_multiple_from_uploaded_image": "the uploader's own temporary upload",
    "wagtailimages:delete_upload_multiple_from_uploaded_image": "the uploader's own temporary upload",
    "wagtaildocs:edit_multiple_upload": "the uploader's own temporary upload",
    "wagtaildocs:delete_upload_multiple": "the uploader's own temporary upload",
    "wagtaildocs:create_multiple_from_uploaded_document": "the uploader's own temporary upload",
    "wagtaildocs:delete_upload_multiple_from_uploaded_document": "the uploader's own temporary upload",
    "wagtailadmin_pages:workflow_history_detail": "covered through workflow_history with the page id",
    "wagtailadmin_editing_sessions:release": "the user's own editing session",
    "wagtailcore_authenticate_with_password": "password form of a restricted page; shows no page content",
    "wagtailadmin_error_test": "Wagtail's deliberate crash page for testing error reporting",
}
# Parameters that shape a response but point at no object: a URL with only these is a listing.
SHAPE_PARAMS = {"format": "json"}


@pytest.fixture
def world(org):
    """Gorontalo's objects of every kind, with names a leak would show, and every role in Maluku Utara."""
    forget_cached_identity(org)
    gorontalo = _site_for(org.gorontalo)
    _site_for(org.malut)
    secret_policy = policy(gorontalo.policies, title=f"{SECRET} Kebijakan Cuti")
    draft = add(gorontalo.guidance, ContentPage(title=f"{SECRET} Draf Panduan"), publish=False)
    catalog = make_catalog(org.gorontalo)
    course = make_course(catalog, f"{SECRET} Kursus Kearsipan")
    session = make_session(course, start_in=timedelta(days=3), name=f"{SECRET} Angkatan I")
    enrolment = services.enrol(org.pegawai.user, org.pegawai, session.pk)
    certificate = Certificate.objects.create(enrolment=enrolment)
    material = SessionMaterial.objects.create(
        session=session, title=f"{SECRET} Materi", file=ContentFile(b"%PDF-1.4 uji", name="materi.pdf")
    )
    today = timezone.localdate()
    programme = MentoringProgramme.objects.create(
        instansi=org.gorontalo, name=f"{SECRET} Program Mentoring", start_date=today - timedelta(days=30),
        end_date=today + timedelta(days=30), created_by=org.sdm.user,
    )  # fmt: skip
    pair = mentoring_services.pair_up(
        actor=org.sdm.user, programme=programme, mentor=org.atasan, mentee=org.pegawai, goals=f"{SECRET} tujuan"
    )
    mentoring_session = mentoring_services.log_session(
        actor=org.atasan.user, pair=pair, held_on=today, duration_minutes=60, topics=f"{SECRET} topik", actions="x"
    )
    external = _external(org.pegawai, "seminar", units=1, claimed=3)
    external.title = f"{SECRET} Seminar"
    external.save(update_fields=["title"])
    job = ImportJob.objects.create(
        kind="pegawai", instansi=org.gorontalo, uploaded_by=org.sdm.user, original_name=f"{SECRET}.csv",
        file_format="csv", file=ContentFile(b"nip\n", name="uji.csv"),
    )  # fmt: skip
    notification = Notification.objects.create(
        recipient=org.pegawai.user, kind="uji", title=f"{SECRET} pemberitahuan", dedupe_key="x", url="/"
    )
    collection = Collection.objects.filter(name=org.gorontalo.name).first() or Collection.get_first_root_node()
    document = get_document_model().objects.create(
        title=f"{SECRET} Dokumen", file=ContentFile(b"%PDF-1.4 uji", name="rahasia.pdf"), collection=collection
    )
    image = get_image_model().objects.create(
        title=f"{SECRET} Gambar", file=ContentFile(png_bytes(), name="rahasia.png"), collection=collection
    )
    konversi = KonversiJP.objects.create(
        instansi=org.gorontalo, bentuk_id=external.bentuk_id, unit="hari", jp_per_unit=5, note=f"{SECRET} konversi"
    )
    target = TargetJP.objects.create(status="PNS", instansi=org.gorontalo, target=33)
    claim = competency_services.record_evidence(
        actor=org.pegawai.user, pegawai=org.pegawai, competency=Competency.objects.get(code="M.01", instansi=None),
        source="self", level=3, observed_on=timezone.localdate(), note=f"{SECRET} klaim kompetensi",
        attachment=ContentFile(b"%PDF-1.4 bukti", name="bukti.pdf"),
    )  # fmt: skip
    plan = DevelopmentPlan.objects.create(pegawai=org.pegawai, year=timezone.localdate().year, status="submitted")
    PlanActivity.objects.create(plan=plan, kind="other", title=f"{SECRET} Kegiatan", planned_jp=4, planned_month=5)
    jabatan = make_jabatan(org.gorontalo, "RAHASIA", name=f"{SECRET} Jabatan")
    competency = Competency.objects.create(
        instansi=org.gorontalo, group="teknis", code="T.RAHASIA", name=f"{SECRET} Kompetensi"
    )
    standard = JobStandard.objects.create(jabatan=jabatan, competency=competency, required_level=3)
    band = MatchBand.objects.create(instansi=org.gorontalo, code="optimal", name=f"{SECRET} Optimal", min_percent=85)
    workflow = draft.get_workflow()
    draft.save_revision(user=org.konten.user)
    workflow_state = workflow.start(draft, org.konten.user) if workflow else None
    redirect = Redirect.objects.create(old_path="/gorontalo-lama", redirect_page=secret_policy)
    query = Query.get("rahasia gorontalo")
    for role, name in [
        (roles.ADMIN_KONTEN, "konten"),
        (roles.PENYELENGGARA, "pelatihan"),
        (roles.PIMPINAN, "pimpinan"),
    ]:
        setattr(org, f"{name}_malut", make_pegawai(org.malut, org.malut_unit, roles_=[role], nama=f"{name} Malut"))
    for instansi in (org.gorontalo, org.malut):
        roles.ensure_instansi_groups(instansi)
    kinerja = _kinerja_world(org)
    forget_cached_identity(org)
    return SimpleNamespace(
        kinerja=kinerja, skp=kinerja.skp, rhk=kinerja.rhk, iki=kinerja.iki,
        org=org, page=secret_policy, draft=draft, course=course, session=session, enrolment=enrolment,
        certificate=certificate, external=external, job=job, document=document, image=image, konversi=konversi,
        target=target, plan=plan, jabatan=jabatan, competency=competency, standard=standard, band=band,
        workflow=workflow, workflow_state=workflow_state, redirect=redirect, query=query,
        group=roles.instansi_group(org.gorontalo, roles.ADMIN_KONTEN), notification=notification, claim=claim,
        material=material, programme=programme, pair=pair, mentoring_session=mentoring_session,
    )  # fmt: skip


def _kinerja_world(org):
    """An SKP chain of Gorontalo with a final evaluation under appeal."""
    period = skp_services.open_period(actor=org.sdm.user, instansi=org.gorontalo, year=timezone.localdate().year)
    _top, top_rhk = approved_skp(org.pimpinan, period, text=f"{SECRET} RHK pimpinan")
    _middle, middle_rhk = approved_skp(org.atasan, period, top_rhk, f"{SECRET} RHK atasan")
    bottom, rhk = approved_skp(org.pegawai, period, middle_rhk, f"{SECRET} RHK pegawai")
    evaluation_services.open_evaluations(actor=org.sdm.user, period=period, window=period.windows.first())
    evaluation = bottom.evaluations.get()
    evaluation_services.rate(actor=org.atasan.user, evaluation=evaluation, rating_hasil_kerja="SESUAI",
                             rating_perilaku_kerja="SESUAI", reason=SECRET)  # fmt: skip
    evaluation_services.finalise(actor=org.atasan.user, evaluation=evaluation)
    appeal = evaluation_services.file_appeal(actor=org.pegawai.user, evaluation=evaluation, reasons=SECRET)
    calibration = calibration_services.open_calibration(actor=org.sdm.user, period=period, window=evaluation.window)
    calibration_services.set_organisation_rating(
        actor=org.sdm.user, calibration=calibration, rating="BAIK", reason=SECRET
    )
    today = timezone.localdate()
    entry = progress_services.record_progress(actor=org.pegawai.user, rhk=rhk, day=today, text=SECRET,
                                              attachment=ContentFile(b"%PDF-1.4", name="progres.pdf"))  # fmt: skip
    window = period.windows.get(starts_on__lte=today, ends_on__gte=today)
    evidence = progress_services.add_evidence(actor=org.pegawai.user, rhk=rhk, window=window, title=SECRET,
                                              file=ContentFile(b"%PDF-1.4", name="bukti.pdf"))  # fmt: skip
    dialog = progress_services.plan_dialog(actor=org.atasan.user, pegawai=org.pegawai, planned_on=today, agenda=SECRET)
    peer_round = peer_services.open_round(actor=org.atasan.user, subject=org.pegawai, period=period, closes_on=today,
                                          raters=[org.rekan, org.cucu, org.konten])  # fmt: skip
    service_point = feedback_services.create_point(
        actor=org.sdm.user, unit=org.bkd, name=f"{SECRET} Layanan", pegawai=org.pegawai
    )
    # a client of this world's own: the rate limit counts in the cache, which outlives the test database
    client = f"walk-{uuid.uuid4().hex}"
    feedback = feedback_services.submit_feedback(point=service_point, rating=4, comment=SECRET, client=client)
    feedback_services.moderate(
        actor=org.sdm.user, instansi_id=org.gorontalo.pk, feedback_ids=[feedback.pk], approve=True
    )
    feedback_services.submit_feedback(point=service_point, rating=2, comment=f"{SECRET} menunggu", client=client)
    # what the SIASN exchange exports and imports: the annual result is open, the JP ledger has an entry, and a year
    # before Lentera was imported
    evaluation_services.open_evaluations(actor=org.sdm.user, period=period)
    JPEntry.objects.create(pegawai=org.pegawai, year=today.year, day=today, jp=2, source="course",
                           title=f"{SECRET} Kursus", enrolment=Enrolment.objects.filter(pegawai=org.pegawai).first())  # fmt: skip
    exchange_services.record_imported_result(actor=org.sdm.user, pegawai=org.pegawai, year=today.year - 2,
                                             predikat="BAIK", evaluator_name=SECRET)  # fmt: skip
    assessment = talent_services.record_assessment(
        actor=org.sdm.user, pegawai=org.pegawai, assessed_on=today, score=91, lembaga=SECRET, note=SECRET
    )
    plan = talent_services.create_plan(
        actor=org.sdm.user, instansi=org.gorontalo, jabatan=make_jabatan(org.gorontalo, "KABID", name=f"{SECRET} Kabid"),
        unit=org.bidang, note=SECRET,
    )  # fmt: skip
    candidate = talent_services.add_candidate(
        actor=org.sdm.user, plan=plan, pegawai=org.pegawai, readiness="siap_sekarang", note=SECRET,
        outside_pool_reason=SECRET,
    )  # fmt: skip
    rhk_template = rhk_template_services.save_template(
        actor=org.sdm.user, instansi=org.gorontalo, jabatan=make_jabatan(org.gorontalo, "ANALIS", name="Analis SDM"),
        text=f"{SECRET} templat RHK", iki=[{"text": f"{SECRET} IKI templat", "aspek": "waktu", "target": "1"}],
    )  # fmt: skip
    coaching_plan = coaching_services.start_plan(actor=org.sdm.user, pegawai=org.pegawai, goals=SECRET, starts_on=today,
                                                 ends_on=today + timedelta(days=90))  # fmt: skip
    coaching_action = coaching_services.add_action(actor=org.atasan.user, plan=coaching_plan, description=SECRET)
    coaching_checkin = coaching_services.plan_checkin(actor=org.atasan.user, plan=coaching_plan, planned_on=today,
                                                      agenda=SECRET)  # fmt: skip
    feedback_services.submit_feedback(point=service_point, rating=2, comment=f"{SECRET} menunggu", client="walk")
    service_request = _service_request(org)
    return SimpleNamespace(
        talent_assessment=assessment, succession_plan=plan, succession_candidate=candidate,
        talent_box=TalentBox.objects.create(instansi=org.gorontalo, kinerja="DI_ATAS", potensial="TINGGI", number=9,
                                            name=f"{SECRET} Kotak", recommendations=SECRET, in_pool=True),
        talent_rule=TalentRule.objects.create(instansi=org.gorontalo, tinggi_min=85),
        period=period, skp=bottom, rhk=rhk, iki=rhk.iki.get(), evaluation=evaluation, appeal=appeal,
        rhk_template=rhk_template,
        calibration=calibration, progress=entry, evidence=evidence, dialog=dialog, peer_round=peer_round,
        peer_assignment=peer_round.assignments.get(rater=org.rekan), service_point=service_point,
        predikat_cell=PredikatCell.objects.create(
            instansi=org.gorontalo, hasil_kerja="DI_ATAS", perilaku_kerja="DI_ATAS", predikat="SANGAT_BAIK"
        ),
        distribution_rule=DistributionRule.objects.create(
            instansi=org.gorontalo, organisation_rating="ISTIMEWA", predikat_group="SANGAT_BAIK", maximum_percent=60
        ),
        sanction=HukumanDisiplin.objects.create(
            pegawai=org.pegawai, level="ringan", kind="teguran_tertulis", starts_on=today, sk_number=f"{SECRET} SK"
        ),
        promotion_rule=PromotionRule.objects.create(instansi=org.gorontalo, calendar="enam_periode_2023"),
        education_cap=EducationCap.objects.create(
            instansi=org.gorontalo, pendidikan="SMA", golongan=Pangkat.objects.get(golongan_ruang="III/c")
        ),
        angka_kredit_rule=AngkaKreditRule.objects.create(
            instansi=org.gorontalo, golongan=Pangkat.objects.get(golongan_ruang="III/a"), angka_kredit=60
        ),
        decision=decision_services.create_draft(
            actor=org.sdm.user, pegawai=org.pegawai, kind="rotasi", title=f"{SECRET} Rotasi", rationale=SECRET
        ),
        coaching_plan=coaching_plan, coaching_action=coaching_action, coaching_checkin=coaching_checkin,
        service_request=service_request, service_document=service_request.documents.first(),
        request_type=RequestType.objects.create(
            instansi=org.gorontalo, code="rahasia", name=f"{SECRET} Layanan khusus", sla_days=2
        ),
        holiday=Holiday.objects.create(instansi=org.gorontalo, date=today, name=f"{SECRET} Hari jadi"),
    )  # fmt: skip


def _service_request(org):
    """A promotion request of Gorontalo's employee with its documents, the Lentera evidence, a message, an internal
    note and a survey answer."""
    promotion = {t.code: t for t in service_queries.types_for(org.gorontalo.pk)}["kenaikan_pangkat"]
    documents = {
        item.pk: ContentFile(b"%PDF-1.4 sk", name="sk.pdf") for item in promotion.checklist.all() if item.required
    }
    request = service_desk_services.file_request(
        actor=org.pegawai.user, request_type=promotion, description=f"{SECRET} usul kenaikan pangkat",
        documents=documents,
    )  # fmt: skip
    service_desk_services.take(actor=org.sdm.user, request=request)
    service_desk_services.send_message(actor=org.sdm.user, request=request, body=f"{SECRET} pesan")
    service_desk_services.add_note(actor=org.sdm.user, request=request, body=f"{SECRET} catatan internal")
    service_desk_services.complete(actor=org.sdm.user, request=request, note=f"{SECRET} selesai")
    service_desk_services.answer_survey(actor=org.pegawai.user, request=request, rating=5, comment=SECRET)
    return request


def _kompetensi_pk(name, w):
    by_name = {
        "enrol": w.session, "session_ics": w.session, "session_manage": w.session, "session_edit": w.session,
        "session_enrol_unit": w.session, "session_attendance": w.session, "session_results": w.session,
        "session_export": w.session, "session_qr": w.session, "cancel": w.enrolment, "evaluation": w.enrolment,
        "certificate_pdf": w.enrolment, "decide": w.enrolment, "evidence": w.external, "decide_external": w.external,
        "certificate_revoke": w.certificate, "employee_competency": w.org.pegawai, "competency_evidence_file": w.claim,
        "competency_decide": w.claim, "competency_record": w.org.pegawai, "competency_correct": w.claim,
        "session_material_add": w.session, "session_material_remove": w.material, "session_material": w.material,
    }  # fmt: skip
    return by_name[name].pk


def _kinerja_pk(name, w):
    by_name = {
        "evaluation": w.kinerja.evaluation, "evaluation_pdf": w.kinerja.evaluation, "appeal_decide": w.kinerja.appeal,
        "calibration": w.kinerja.calibration,
        "evidence": w.rhk,
        "progress_edit": w.kinerja.progress, "progress_delete": w.kinerja.progress, "progress_file": w.kinerja.progress,
        "evidence_file": w.kinerja.evidence, "evidence_remove": w.kinerja.evidence, "dialog": w.kinerja.dialog,
        "peer_round": w.kinerja.peer_round, "peer_close": w.kinerja.peer_round, "peer_answer": w.kinerja.peer_assignment,
        "feedback_unit": w.org.bkd, "lateness_unit": w.org.bidang, "lateness_evaluator": w.org.atasan,
        "escalation_nudge": w.org.atasan,
        "talent_assessment_delete": w.kinerja.talent_assessment,
        "succession_plan": w.kinerja.succession_plan, "succession_plan_delete": w.kinerja.succession_plan,
        "succession_candidate_remove": w.kinerja.succession_candidate,
        "rhk_template_edit": w.kinerja.rhk_template, "rhk_template_active": w.kinerja.rhk_template,
    }  # fmt: skip
    if name.startswith("decision"):
        return w.kinerja.decision.pk
    if name.startswith("coaching_action_"):
        return w.kinerja.coaching_action.pk
    if name.startswith("coaching_checkin_"):
        return w.kinerja.coaching_checkin.pk
    if name.startswith("coaching_"):
        return w.kinerja.coaching_plan.pk
    if name.startswith("service_request"):
        return w.kinerja.service_request.pk
    if name == "service_document":
        return w.kinerja.service_document.pk
    if name.startswith("feedback_point_"):
        return w.kinerja.service_point.pk
    if name in by_name:
        return by_name[name].pk
    if name.startswith("rhk_") and name != "rhk_create":
        return w.rhk.pk
    if name == "iki_create":
        return w.rhk.pk
    if name.startswith("iki_"):
        return w.iki.pk
    return w.skp.pk


def _mentoring_pk(name, w):
    if name.startswith("programme") or name == "pair_new":
        return w.programme.pk
    if name.startswith("session_") and name != "session_new":
        return w.mentoring_session.pk
    return w.pair.pk


def _snippet_pk(namespace, w):
    app, model = namespace.split("_", 2)[1:]
    objects = {
        ("portal", "pegawai"): w.org.pegawai, ("portal", "unitkerja"): w.org.bidang, ("portal", "jabatan"): w.jabatan,
        ("portal", "instansi"): w.org.gorontalo, ("kompetensi", "konversijp"): w.konversi,
        ("kompetensi", "targetjp"): w.target, ("kompetensi", "competency"): w.competency,
        ("kompetensi", "jobstandard"): w.standard, ("kompetensi", "matchband"): w.band,
        ("kinerja", "predikatcell"): w.kinerja.predikat_cell, ("kinerja", "distributionrule"): w.kinerja.distribution_rule,
        ("portal", "hukumandisiplin"): w.kinerja.sanction, ("kinerja", "promotionrule"): w.kinerja.promotion_rule,
        ("kinerja", "educationcap"): w.kinerja.education_cap, ("kinerja", "angkakreditrule"): w.kinerja.angka_kredit_rule,
        ("kinerja", "talentbox"): w.kinerja.talent_box, ("kinerja", "talentrule"): w.kinerja.talent_rule,
        ("kinerja", "requesttype"): w.kinerja.request_type, ("portal", "holiday"): w.kinerja.holiday,
    }  # fmt: skip
    if (app, model) not in objects:
        raise LookupError(f"shared reference data: {app}.{model}")
    return objects[(app, model)].pk


def provide(full_name, namespace, param, w):
    """The value of URL parameter `param` that points at a Gorontalo object (LookupError when there is none)."""
    page_params = {"page_id", "parent_page_id", "page_to_move_id", "page_pk", "destination_id"}
    revision = w.page.latest_revision
    values = {
        "nip": w.org.pegawai.nip,
        "document_id": w.document.pk,
        "doc_id": w.document.pk,
        "image_id": w.image.pk,
        "revision_id": revision.pk,
        "revision_id_a": revision.pk,
        "revision_id_b": revision.pk,
        "redirect_id": w.redirect.pk,
        "query_id": w.query.pk,
        "workflow_pk": getattr(w.workflow, "pk", None),
        "task_id": getattr(w.workflow and w.workflow.tasks.first(), "pk", None),
        "workflow_state_id": getattr(w.workflow_state, "pk", None),
        "task_state_id": getattr(w.workflow_state and w.workflow_state.current_task_state, "pk", None),
        "action_name": "approve",
        "filter_spec": "original",
        "format": "json",
        "token": w.session.checkin_token,
        "content_type_app_name": "home",
        "content_type_model_name": "contentpage",
        "app_name": "home",
        "model_name": "portalsettings",
        "app_label": "home",
        "period_pk": w.kinerja.period.pk,
        "employee_id": w.org.pegawai.pk,
    }
    if full_name.startswith("wagtailadmin_api:"):
        if param == "action_name":
            return "copy"
        return {"pages": w.page.pk, "documents": w.document.pk, "images": w.image.pk}[full_name.split(":")[1]]
    if full_name in ("wagtail_bulk_action", "wagtailadmin_editing_sessions:ping"):
        return {
            "app_label": "wagtailcore", "model_name": "page", "action": "delete", "object_id": w.page.pk, "session_id": 1,
        }[param]  # fmt: skip
    if param == "collection_id":
        return w.document.collection_id
    if param in page_params:
        return w.draft.pk if "workflow" in full_name or "moderation" in full_name else w.page.pk
    if param in values and values[param] is not None:
        return values[param]
    if param == "pk":
        if full_name == "notification_open":
            return w.notification.pk
        if full_name == "team_remind":
            return w.org.pegawai.pk
        if namespace == "kompetensi":
            return _kompetensi_pk(full_name.split(":")[1], w)
        if namespace == "kinerja":
            return _kinerja_pk(full_name.split(":")[1], w)
        if namespace == "plans":
            return w.plan.pk
        if namespace == "insight":  # a unit of Gorontalo on the competency map
            return w.org.bidang.pk
        if namespace == "mentoring":
            return _mentoring_pk(full_name.split(":")[-1], w)
        if namespace.startswith(("wagtailsnippets_", "wagtailsnippetchoosers_")):
            return _snippet_pk(namespace.replace("wagtailsnippetchoosers_", "wagtailsnippets_"), w)
        other = {
            "wagtailusers_users": w.org.pegawai.user.pk, "wagtailusers_groups": w.group.pk,
            "wagtailadmin_workflows": getattr(w.workflow, "pk", None), "wagtailadmin_collections":
            w.document.collection_id, "portal_import": w.job.pk, "wagtailimages_chooser": w.image.pk,
            "wagtaildocs_chooser": w.document.pk, "wagtailadmin_api": w.page.pk, "wagtailsites": None,
            "wagtailsettings": None, "wagtailadmin_pages": w.page.pk,
        }  # fmt: skip
        if other.get(namespace) is not None:
            return other[namespace]
        api = {
            "training-session": w.session.pk, "training-enrolment": w.enrolment.pk, "employee": w.org.pegawai.pk,
            "kinerja-evaluation": w.kinerja.evaluation.pk, "api-competency-employee": w.org.pegawai.pk,
            "kinerja-skp": w.skp.pk,
            "mentoring-session": w.mentoring_session.pk,
        }  # fmt: skip
        for prefix, value in api.items():
            if full_name.startswith(prefix):
                return value
    raise LookupError(f"no Gorontalo object for {full_name} <{param}>")


def patterns(resolver=None, namespace="", prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = ":".join(filter(None, [namespace, pattern.namespace])) if pattern.namespace else namespace
            yield from patterns(pattern, ns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield (
                (f"{namespace}:{pattern.name}" if namespace else pattern.name),
                namespace,
                prefix + str(pattern.pattern),
            )


PARAM = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")


def object_urls(w):
    """(name, path) for every named pattern with parameters, filled with Gorontalo objects."""
    urls, uncovered = [], []
    for full_name, namespace, route in patterns():
        params = [a or b for a, b in PARAM.findall(route)]
        if set(params) <= set(SHAPE_PARAMS) or full_name in EXEMPT:
            continue
        try:
            kwargs = {param: provide(full_name, namespace.split(":")[-1], param, w) for param in params}
            path = reverse(full_name, kwargs=kwargs)
            if full_name == "wagtail_bulk_action":  # the objects of a bulk action come in the query string
                path += f"?id={w.page.pk}"
            urls.append((full_name, path))
        except LookupError as error:
            if "shared reference data" in str(error) or "wagtailsites" in full_name or "wagtailsettings" in full_name:
                continue
            uncovered.append(str(error))
        except Exception as error:  # a reverse that fails is a provider to fix, not a URL to skip silently
            uncovered.append(f"{full_name}: {error!r}")
    return urls, uncovered


def listing_urls():
    found = []
    for full_name, _namespace, route in patterns():
        params = [a or b for a, b in PARAM.findall(route)]
        if not set(params) <= set(SHAPE_PARAMS) or full_name in EXEMPT:
            continue
        try:
            found.append((full_name, reverse(full_name, kwargs={param: SHAPE_PARAMS[param] for param in params})))
        except Exception:  # patterns with optional regex groups Wagtail reverses only with arguments
            continue
    return found


def refused(response):
    if response.status_code in (400, 403, 404, 405):
        return True
    if response.status_code == 302:
        location = response["Location"]
        return location.startswith(("/masuk/", "/admin/login/")) or location in ("/admin/", "/")
    return False


def login_as(client, w, role):
    person = getattr(w.org, role)
    client.force_login(person.user)
    return client


def test_every_parameter_of_every_url_pattern_has_a_provider(world):
    _urls, uncovered = object_urls(world)
    assert uncovered == []


@pytest.mark.parametrize("role", MALUT_ROLES)
def test_gorontalo_objects_are_refused_to_every_role_of_another_instansi(world, client, role):
    login_as(client, world, role)
    urls, _uncovered = object_urls(world)
    assert len(urls) > 100
    leaks = []
    for name, path in urls:
        response = client.get(path)
        if not refused(response):
            leaks.append((name, path, response.status_code))
    assert leaks == []


@pytest.mark.parametrize("role", MALUT_ROLES)
def test_no_listing_shows_a_gorontalo_name_to_another_instansi(world, client, role):
    login_as(client, world, role)
    extra = ["/admin/reports/site-history/?export=csv", "/admin/reports/site-history/?export=xlsx", "/cari/?q=rahasia",
             reverse("kinerja:exchange_training") + "?format=csv"]  # fmt: skip
    leaks = []
    for name, path in [*listing_urls(), *((path, path) for path in extra)]:
        if path.startswith(("/keluar/", "/admin/logout/")):
            continue
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        # search marks the words it matched: "<mark>Rahasia</mark> Gorontalo" must still count as a leak
        body = body.replace(b"<mark>", b"").replace(b"</mark>", b"")
        if response.status_code < 400 and (
            SECRET.encode() in body or world.org.pegawai.nip.encode() in body or b"Siti Pegawai" in body
        ):
            leaks.append((name, path))
    assert leaks == []


def test_the_walk_sees_gorontalo_objects_when_gorontalo_asks(world, client):
    """The providers point at real objects: Gorontalo's own HR and superadmin open them."""
    client.force_login(world.org.superadmin)
    urls, _uncovered = object_urls(world)
    opened = [name for name, path in urls if client.get(path).status_code == 200]
    for name in (
        "kompetensi:session_manage",
        "kinerja:skp_detail",
        "wagtailadmin_pages:edit",
        "wagtaildocs:edit",
        "portal_import:job",
    ):
        assert any(found.startswith(name.split(":")[0]) for found in opened), name
    for name in (
        "kompetensi:employee_competency",
        "kompetensi:competency_evidence_file",
        "api-competency-employee",
        "kompetensi:insight:unit",
        "kinerja:evidence",
        "kinerja:evidence_file",
        "kinerja:progress_file",
        "kinerja:feedback_unit",
        "kinerja:coaching_plan",
        "kinerja:service_request",
        "kinerja:service_document",
    ):
        assert name in opened, name
    client.force_login(world.org.sdm.user)  # HR pages open for HR of the instansi (the superadmin is no employee)
    assert client.get(reverse("kinerja:rhk_template_edit", args=[world.kinerja.rhk_template.pk])).status_code == 200
    Group.objects.get(pk=world.group.pk)  # the per-instansi group exists for the users/groups views
    assert timezone.now()
