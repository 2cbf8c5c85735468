"""The results import through the portal's import view, the regulation-data snippets and the organiser's
catalogue permissions in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kompetensi import services
from kompetensi.models import Enrolment, JPEntry, KonversiJP
from portal.importing import services as import_services
from portal.models import ImportJob

from .conftest import forget_cached_identity, running_session


def _csv(rows):
    body = "id_pendaftaran,nip,hasil,nilai\n" + "\n".join(",".join(map(str, row)) for row in rows)
    return SimpleUploadedFile("hasil.csv", body.encode(), content_type="text/csv")


def test_results_import_previews_then_writes_through_the_service(org, training):
    session, (a, b) = running_session(org, training, [org.pegawai, org.rekan])
    upload = _csv([(a.pk, org.pegawai.nip, "lulus", "88"), (b.pk, org.rekan.nip, "tidak", "")])
    job = import_services.preview_import(
        org.pelatihan.user, kind_key="hasil_pelatihan", instansi=org.gorontalo, uploaded_file=upload
    )
    assert job.errors == []
    a.refresh_from_db()
    assert a.status == Enrolment.Status.ATTENDED  # the preview wrote nothing
    assert not JPEntry.objects.exists()
    import_services.confirm_import(org.pelatihan.user, job)
    import_services.run_import(job.pk)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.errors
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, b.status) == (Enrolment.Status.COMPLETED, Enrolment.Status.NOT_COMPLETED)
    assert JPEntry.objects.get(enrolment=a).jp == 12


def test_results_import_reports_bad_rows_and_writes_nothing(org, training):
    session, (a,) = running_session(org, training, [org.pegawai])
    upload = _csv([(a.pk, org.pegawai.nip, "lulus", "8x"), (999999, "", "lulus", ""), (a.pk, "", "mungkin", "")])
    job = import_services.preview_import(
        org.pelatihan.user, kind_key="hasil_pelatihan", instansi=org.gorontalo, uploaded_file=upload
    )
    messages = " ".join(error["message"] for error in job.errors)
    assert "bukan angka" in messages and "tidak ditemukan" in messages and "mungkin" in messages
    a.refresh_from_db()
    assert a.status == Enrolment.Status.ATTENDED


def test_results_import_needs_the_organiser(org, training):
    session, (a,) = running_session(org, training, [org.pegawai])
    import pytest
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        import_services.preview_import(
            org.pegawai.user,
            kind_key="hasil_pelatihan",
            instansi=org.gorontalo,
            uploaded_file=_csv([(a.pk, "", "lulus", "")]),
        )


def test_participant_export(org, training, login):
    session, (a,) = running_session(org, training, [org.pegawai])
    response = login(org.pelatihan).get(reverse("kompetensi:session_export", args=[session.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert login(org.pegawai).get(reverse("kompetensi:session_export", args=[session.pk])).status_code == 403


def test_organiser_group_gets_catalogue_permissions(org, training, login):
    group = services.ensure_catalogue_editors(training.catalog)
    assert org.pelatihan.user.groups.filter(pk=group.pk).exists()
    forget_cached_identity(org)
    client = login(org.pelatihan)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[training.course.pk])).status_code == 200
    # a new organiser joins the group when given the role; leaves when it is taken away
    role = Group.objects.get(name="Penyelenggara Pelatihan")
    org.rekan.user.groups.add(role)
    assert org.rekan.user.groups.filter(pk=group.pk).exists()
    org.rekan.user.groups.remove(role)
    assert not org.rekan.user.groups.filter(pk=group.pk).exists()


def test_organiser_of_another_instansi_cannot_edit_the_catalogue(org, training, malut_catalog, login):
    services.ensure_catalogue_editors(training.catalog)
    malut_group = services.ensure_catalogue_editors(malut_catalog)
    organiser = org.sdm_malut.user
    organiser.groups.add(Group.objects.get(name="Penyelenggara Pelatihan"))
    assert organiser.groups.filter(pk=malut_group.pk).exists()
    client = login(organiser)
    # another instansi's page is out of reach in the admin: 404, as on the site (issue 7)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[training.course.pk])).status_code == 404
    assert client.get(reverse("wagtailadmin_pages:edit", args=[malut_catalog.pk])).status_code == 200


def test_hr_edits_own_conversion_rules_only(org, training, login):
    client = login(org.sdm)
    index = client.get(reverse("wagtailsnippets_kompetensi_konversijp:list"))
    assert index.status_code == 200 and "4 JP per hari" in index.text
    default = KonversiJP.objects.get(bentuk__code="seminar", instansi__isnull=True)
    assert client.get(reverse("wagtailsnippets_kompetensi_konversijp:edit", args=[default.pk])).status_code in (
        302,
        403,
    )
    own = KonversiJP.objects.create(bentuk=default.bentuk, instansi=org.gorontalo, unit="hari", jp_per_unit=6)
    assert client.get(reverse("wagtailsnippets_kompetensi_konversijp:edit", args=[own.pk])).status_code == 200
    assert login(org.pegawai).get(reverse("wagtailsnippets_kompetensi_konversijp:list")).status_code in (302, 403)
    # the instansi's own rule wins over the default
    assert services.rule_for(org.gorontalo.pk, default.bentuk_id).jp_per_unit == 6
    assert services.rule_for(org.malut.pk, default.bentuk_id).jp_per_unit == 4


def test_participant_export_neutralises_formulas(org, training, login):
    from tests.export_helpers import HOSTILE, assert_no_formula

    people = [org.pegawai, org.rekan, org.atasan, org.cucu, org.pimpinan]
    for person, text in zip(people, HOSTILE, strict=True):
        person.nama = text
        person.save()
    session, _enrolments = running_session(org, training, people)
    response = login(org.pelatihan).get(reverse("kompetensi:session_export", args=[session.pk]))
    values = assert_no_formula(response.content)
    assert "'@SUM(A1)" in values and org.pegawai.nip in values


@pytest.mark.parametrize("bad", ["NaN", "inf", "1e5", "99999.99", "-50", "12.345"])
def test_results_import_refuses_impossible_scores(org, training, bad):
    session, (a,) = running_session(org, training, [org.pegawai])
    job = import_services.preview_import(
        org.pelatihan.user,
        kind_key="hasil_pelatihan",
        instansi=org.gorontalo,
        uploaded_file=_csv([(a.pk, org.pegawai.nip, "lulus", bad)]),
    )
    assert [(e["row"], e["column"]) for e in job.errors] == [(2, "nilai")]
    assert "Nilai" in job.errors[0]["message"]
    a.refresh_from_db()
    assert a.score is None and a.status == Enrolment.Status.ATTENDED


def test_record_results_refuses_a_bad_score_on_a_completed_enrolment(org, training):
    from decimal import Decimal

    from django.core.exceptions import ValidationError

    session, (a,) = running_session(org, training, [org.pegawai])
    services.record_results(org.pelatihan.user, session.pk, {a.pk: (True, Decimal("80"))})
    with pytest.raises(ValidationError, match="0 sampai 100"):
        services.record_results(org.pelatihan.user, session.pk, {a.pk: (True, Decimal("-50"))})
    a.refresh_from_db()
    assert a.score == Decimal("80")
