"""Recording evidence by hand from the pages (the supervisor's assessment, HR's assessment results) and correcting an
entry: who may do which, bad input answered, the history keeping the corrected entry."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kompetensi.competency import services
from kompetensi.competency.models import CompetencyProfile, Evidence

S = Evidence.Source


def _record_url(pegawai):
    return reverse("kompetensi:competency_record", args=[pegawai.pk])


@pytest.mark.parametrize(
    ("who", "status", "sources"),
    [
        ("atasan", 200, ["supervisor"]),
        ("sdm", 200, ["assessment_center", "uji_kompetensi", "supervisor"]),
        ("pegawai", 404, None),  # their own profile: they claim instead
        ("rekan", 404, None),
        ("pimpinan", 404, None),  # sees the profile, records nothing
        ("sdm_malut", 404, None),
    ],
)
def test_who_may_record_which_sources(org, dictionary, login, who, status, sources):
    response = login(getattr(org, who)).get(_record_url(org.pegawai))
    assert response.status_code == status
    if sources:
        assert [code for code, _label in response.context["form"].fields["source"].choices] == sources


def test_the_supervisor_records_an_assessment_that_counts_at_once(org, dictionary, login):
    client = login(org.atasan)
    m03 = dictionary.national["M.03"]
    profile = client.get(reverse("kompetensi:employee_competency", args=[org.pegawai.pk])).content.decode()
    assert _record_url(org.pegawai) in profile
    data = {
        "competency": m03.pk,
        "source": "supervisor",
        "level": 3,
        "observed_on": timezone.localdate(),
        "note": "Presentasi ke pimpinan",
    }
    future = client.post(_record_url(org.pegawai), {**data, "observed_on": timezone.localdate() + timedelta(days=2)})
    assert future.status_code == 400 and "masa depan" in future.content.decode()
    assert "Presentasi ke pimpinan" in future.content.decode()  # what was typed stays
    done = client.post(_record_url(org.pegawai), data, follow=True)
    assert "tercatat" in done.content.decode()
    entry = Evidence.objects.get(pegawai=org.pegawai, competency=m03)
    assert (entry.source, entry.level, entry.recorded_by) == ("supervisor", 3, org.atasan.user)
    assert CompetencyProfile.objects.get(pegawai=org.pegawai, competency=m03).level == 3


def test_a_correction_supersedes_and_the_history_keeps_both(org, dictionary, login):
    m01 = dictionary.national["M.01"]
    wrong = services.record_evidence(
        actor=org.sdm.user, pegawai=org.pegawai, competency=m01, source=S.ASSESSMENT_CENTER, level=4,
        observed_on=timezone.localdate() - timedelta(days=10),
    )  # fmt: skip
    url = reverse("kompetensi:competency_correct", args=[wrong.pk])
    assert login(org.atasan).get(url).status_code == 404  # the supervisor did not record an assessment center result
    client = login(org.sdm)
    profile = client.get(reverse("kompetensi:employee_competency", args=[org.pegawai.pk])).content.decode()
    assert url in profile
    missing = client.post(url, {"level": 3, "observed_on": wrong.observed_on, "note": ""})
    assert missing.status_code == 400 and "Tuliskan alasan koreksi." in missing.content.decode()
    client.post(url, {"level": 3, "observed_on": wrong.observed_on, "note": "Salah ketik dari lembar hasil AC"})
    correction = Evidence.objects.get(supersedes=wrong)
    assert correction.level == 3 and Evidence.objects.filter(pk=wrong.pk, level=4).exists()
    assert CompetencyProfile.objects.get(pegawai=org.pegawai, competency=m01).level == 3
    again = client.post(url, {"level": 2, "observed_on": wrong.observed_on, "note": "lagi"})
    assert again.status_code == 400 and "sudah dikoreksi" in again.content.decode()
    page = client.get(reverse("kompetensi:employee_competency", args=[org.pegawai.pk])).content.decode()
    assert reverse("kompetensi:competency_correct", args=[correction.pk]) in page and url not in page


def test_another_instansi_cannot_correct(org, dictionary, login):
    entry = services.record_evidence(
        actor=org.sdm.user, pegawai=org.pegawai, competency=dictionary.national["M.01"], source=S.UJI_KOMPETENSI,
        level=2, observed_on=timezone.localdate(),
    )  # fmt: skip
    url = reverse("kompetensi:competency_correct", args=[entry.pk])
    assert login(org.sdm_malut).get(url).status_code == 404
    assert (
        login(org.pegawai_malut).post(url, {"level": 5, "observed_on": entry.observed_on, "note": "x"}).status_code
        == 404
    )
    assert not Evidence.objects.filter(supersedes=entry).exists()
