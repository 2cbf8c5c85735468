"""The evidence ledger: who records what, the loop completion -> evidence -> review -> level, corrections that
never rewrite history, and the profile derived from it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kompetensi import services as training
from kompetensi.competency import queries, services
from kompetensi.competency.models import AppendOnlyError, CompetencyProfile, Evidence
from kompetensi.models import CourseCompetency

from .conftest import make_catalog, make_course, running_session

S = Evidence.Source
TODAY = timezone.localdate


def _level(pegawai, competency):
    row = CompetencyProfile.objects.filter(pegawai=pegawai, competency=competency).first()
    return row.level if row else None


def _assess(org, competency, level, days_ago=30, source=S.ASSESSMENT_CENTER, pegawai=None):
    return services.record_evidence(
        actor=org.sdm.user, pegawai=pegawai or org.pegawai, competency=competency, source=source, level=level,
        observed_on=TODAY() - timedelta(days=days_ago), note="Hasil assessment center 2026",
    )  # fmt: skip


def test_hr_assessment_sets_the_level(org, dictionary):
    integritas = dictionary.national["M.01"]
    _assess(org, integritas, 2)
    assert _level(org.pegawai, integritas) == 2
    _assess(org, integritas, 3, days_ago=5, source=S.UJI_KOMPETENSI)
    assert _level(org.pegawai, integritas) == 3


def test_completion_claims_a_level_that_only_the_supervisor_confirms(org, dictionary):
    komunikasi = dictionary.national["M.03"]
    course = make_course(make_catalog(org.gorontalo), "Komunikasi Publik", jp=12)
    CourseCompetency.objects.create(course=course, competency=komunikasi, level=3)
    CourseCompetency.objects.create(course=course, code="t.sdm.01", name="Manajemen ASN", level=2)  # by code
    CourseCompetency.objects.create(course=course, name="Tanpa kode", level=2)  # free text: no evidence
    session, (enrolment,) = running_session(org, None, [org.pegawai], course=course)
    training.record_results(org.pelatihan.user, session.pk, {enrolment.pk: (True, None)})

    claims = {e.competency: e for e in Evidence.objects.filter(pegawai=org.pegawai, source=S.COURSE)}
    assert set(claims) == {komunikasi, dictionary.teknis}  # the instansi's own T.SDM.01, not Malut's
    assert claims[komunikasi].level == 3 and claims[komunikasi].reference == f"enrolment:{enrolment.pk}"
    assert _level(org.pegawai, komunikasi) is None  # completion alone never raises a level

    # the claims wait in the supervisor's queue, not in a colleague's or another instansi's HR's
    assert set(queries.pending_reviews(org.atasan.user)) == set(claims.values())
    assert set(queries.pending_reviews(org.sdm.user)) == set(claims.values())
    assert not queries.pending_reviews(org.rekan.user).exists()
    assert not queries.pending_reviews(org.sdm_malut.user).exists()
    assert not queries.pending_reviews(org.pegawai.user).exists()

    services.review_claim(actor=org.atasan.user, claim=claims[komunikasi], confirm=True)
    assert _level(org.pegawai, komunikasi) == 3
    services.review_claim(actor=org.atasan.user, claim=claims[dictionary.teknis], confirm=False, note="Belum tampak")
    assert _level(org.pegawai, dictionary.teknis) is None
    assert not queries.pending_reviews(org.atasan.user).exists()
    with pytest.raises(ValidationError, match="tidak \\(lagi\\) menunggu"):
        services.review_claim(actor=org.sdm.user, claim=claims[komunikasi], confirm=True)


def test_the_same_completion_never_adds_evidence_twice(org, dictionary):
    course = make_course(make_catalog(org.gorontalo), "Integritas", jp=4)
    CourseCompetency.objects.create(course=course, competency=dictionary.national["M.01"], level=2)
    session, (enrolment,) = running_session(org, None, [org.pegawai], course=course)
    training.record_results(org.pelatihan.user, session.pk, {enrolment.pk: (True, None)})
    assert services.record_course_evidence(enrolment=enrolment, day=TODAY()) == []
    assert Evidence.objects.filter(pegawai=org.pegawai).count() == 1


def test_supervisor_may_confirm_another_level_and_must_say_why_when_rejecting(org, dictionary):
    hasil = dictionary.national["M.04"]
    claim = services.record_evidence(
        actor=org.pegawai.user, pegawai=org.pegawai, competency=hasil, source=S.SELF, level=4, observed_on=TODAY()
    )
    with pytest.raises(ValidationError, match="alasan"):
        services.review_claim(actor=org.atasan.user, claim=claim, confirm=False)
    verdict = services.review_claim(actor=org.atasan.user, claim=claim, confirm=True, level=3, note="Level 3 dulu")
    assert (verdict.source, verdict.level, verdict.review_of, verdict.recorded_by) == (
        S.REVIEW, 3, claim, org.atasan.user,
    )  # fmt: skip
    assert _level(org.pegawai, hasil) == 3


def test_a_correction_supersedes_and_history_keeps_every_entry(org, dictionary):
    integritas = dictionary.national["M.01"]
    first = _assess(org, integritas, 4)
    with pytest.raises(ValidationError, match="alasan koreksi"):
        services.correct_evidence(actor=org.sdm.user, entry=first, level=2, note=" ")
    fixed = services.correct_evidence(actor=org.sdm.user, entry=first, level=2, note="Salah ketik pada impor")
    assert _level(org.pegawai, integritas) == 2
    first.refresh_from_db()
    assert first.level == 4  # untouched
    rows = list(queries.history(org.pegawai, integritas))
    assert [(row.pk, row.level, row.is_superseded) for row in rows] == [(fixed.pk, 2, False), (first.pk, 4, True)]
    with pytest.raises(ValidationError, match="sudah dikoreksi"):
        services.correct_evidence(actor=org.sdm.user, entry=first, level=3, note="lagi")


def test_a_corrected_verdict_replaces_the_old_one(org, dictionary):
    hasil = dictionary.national["M.04"]
    claim = services.record_evidence(
        actor=org.pegawai.user, pegawai=org.pegawai, competency=hasil, source=S.SELF, level=3, observed_on=TODAY()
    )
    verdict = services.review_claim(actor=org.atasan.user, claim=claim, confirm=True)
    services.correct_evidence(actor=org.atasan.user, entry=verdict, level=2, note="Setelah dialog kinerja")
    assert _level(org.pegawai, hasil) == 2
    assert Evidence.objects.filter(review_of=claim).count() == 2


def test_entries_are_append_only(org, dictionary):
    entry = _assess(org, dictionary.national["M.01"], 3)
    entry.level = 5
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


@pytest.mark.parametrize(
    ("who", "source", "allowed"),
    [
        ("pegawai", S.SELF, True),
        ("pegawai", S.EXTERNAL, True),
        ("pegawai", S.ASSESSMENT_CENTER, False),
        ("pegawai", S.SUPERVISOR, False),
        ("atasan", S.SUPERVISOR, True),
        ("atasan", S.ASSESSMENT_CENTER, False),
        ("sdm", S.ASSESSMENT_CENTER, True),
        ("sdm", S.UJI_KOMPETENSI, True),
        ("rekan", S.SUPERVISOR, False),
        ("pimpinan", S.SUPERVISOR, False),  # the head of the unit is not the direct supervisor
        ("sdm_malut", S.ASSESSMENT_CENTER, False),
        ("pegawai", S.COURSE, False),  # only the system records course evidence
        ("sdm", S.REVIEW, False),  # verdicts go through review_claim
    ],
)
def test_who_may_record_which_source(org, dictionary, who, source, allowed):
    def record():
        return services.record_evidence(
            actor=getattr(org, who).user, pegawai=org.pegawai, competency=dictionary.national["M.02"], source=source,
            level=3, observed_on=TODAY(),
        )  # fmt: skip

    if allowed:
        assert record().source == source
    else:
        with pytest.raises(PermissionDenied):
            record()


def test_bad_entries_are_refused_with_a_message(org, dictionary):
    kwargs = {"actor": org.sdm.user, "pegawai": org.pegawai, "source": S.ASSESSMENT_CENTER}
    with pytest.raises(ValidationError, match="tidak berlaku"):
        services.record_evidence(**kwargs, competency=dictionary.teknis_malut, level=3, observed_on=TODAY())
    with pytest.raises(ValidationError, match="antara 1 dan 5"):
        services.record_evidence(**kwargs, competency=dictionary.teknis, level=6, observed_on=TODAY())
    with pytest.raises(ValidationError, match="masa depan"):
        services.record_evidence(
            **kwargs, competency=dictionary.teknis, level=3, observed_on=TODAY() + timedelta(days=1)
        )
    assert not Evidence.objects.exists()


def test_profile_gaps_match_and_band(org, dictionary, django_assert_max_num_queries):
    n = dictionary.national
    _assess(org, n["M.01"], 3)
    _assess(org, n["M.03"], 2)
    _assess(org, n["M.04"], 5)
    _assess(org, dictionary.teknis, 2)
    with django_assert_max_num_queries(3):
        profile = queries.profile_of(org.pegawai)
    assert {row.competency.code: (row.required_level, row.current_level, row.gap) for row in profile.rows} == {
        "M.01": (3, 3, 0), "M.03": (3, 2, 1), "M.04": (3, 5, 0), "T.SDM.01": (4, 2, 2),
    }  # fmt: skip
    assert profile.match_percent == Decimal("76.92")  # (3 + 2 + 3 + 2) / 13
    assert profile.band.code == "kurang_optimal"
    assert [row.competency.code for row in profile.gaps] == ["T.SDM.01", "M.03"]


def test_a_target_position_has_its_own_gaps(org, dictionary):
    from kompetensi.models import JobStandard
    from tests.factories import make_jabatan

    kepala = make_jabatan(org.gorontalo, "KABID", "administrator", "Kepala Bidang")
    JobStandard.objects.create(jabatan=kepala, competency=dictionary.national["M.08"], required_level=4)
    _assess(org, dictionary.national["M.08"], 4)
    profile = queries.profile_of(org.pegawai, kepala)
    assert profile.match_percent == Decimal("100.00") and profile.band.code == "optimal"
