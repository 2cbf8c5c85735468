"""The dictionary, the standards and the match bands in the Wagtail admin: what HR of an instansi sees and may
change, 404 for another instansi's objects, scoped selects, Indonesian pages and constant query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kompetensi.competency.forms import CoursePageForm, JobStandardForm
from kompetensi.models import Competency, CompetencyLevel, CourseCompetency, CoursePage, JobStandard, MatchBand
from tests.factories import make_jabatan

from .conftest import make_catalog, make_course

LIST = "wagtailsnippets_kompetensi_competency:list"
EDIT = "wagtailsnippets_kompetensi_competency:edit"
ADD = "wagtailsnippets_kompetensi_competency:add"
INSPECT = "wagtailsnippets_kompetensi_competency:inspect"
STANDARD_LIST = "wagtailsnippets_kompetensi_jobstandard:list"
STANDARD_EDIT = "wagtailsnippets_kompetensi_jobstandard:edit"
STANDARD_ADD = "wagtailsnippets_kompetensi_jobstandard:add"
BAND_LIST = "wagtailsnippets_kompetensi_matchband:list"
BAND_EDIT = "wagtailsnippets_kompetensi_matchband:edit"
BAND_ADD = "wagtailsnippets_kompetensi_matchband:add"


def refused(response):
    return response.status_code in (302, 403)


def _competency_post(code, name="Kompetensi Uji", group="teknis", levels=(), **extra):
    data = {
        "code": code, "name": name, "group": group, "definition": "Definisi", "order": "0", "is_active": "on",
        "levels-TOTAL_FORMS": str(len(levels)), "levels-INITIAL_FORMS": "0", "levels-MIN_NUM_FORMS": "0",
        "levels-MAX_NUM_FORMS": "5",
    }  # fmt: skip
    for index, (level, description) in enumerate(levels):
        data.update({f"levels-{index}-level": str(level), f"levels-{index}-description": description,
                     f"levels-{index}-indicators": "Indikator satu\nIndikator dua", f"levels-{index}-ORDER": str(index)})  # fmt: skip
    data.update(extra)
    return data


def test_hr_lists_national_and_own_entries_in_indonesian(org, dictionary, login):
    response = login(org.sdm).get(reverse(LIST))
    assert response.status_code == 200
    text = response.text
    assert "Kamus kompetensi" in text and "Nasional" in text and "Level terisi" in text
    assert "Integritas" in text and "Manajemen ASN" in text
    assert "Manajemen ASN (Malut)" not in text
    # a national entry links to its read-only view, the instansi's own to its edit form
    integritas = dictionary.national["M.01"]
    assert reverse(EDIT, args=[integritas.pk]) not in text
    assert reverse(INSPECT, args=[integritas.pk]) in text
    assert reverse(EDIT, args=[dictionary.teknis.pk]) in text


def test_hr_reads_a_national_entry_but_never_changes_it(org, dictionary, login):
    client = login(org.sdm)
    integritas = dictionary.national["M.01"]
    inspect = client.get(reverse(INSPECT, args=[integritas.pk]))
    assert inspect.status_code == 200
    assert "Level 5" in inspect.text and "Bertingkah laku sesuai dengan perkataan" in inspect.text
    assert reverse(EDIT, args=[integritas.pk]) not in inspect.text
    assert refused(client.get(reverse(EDIT, args=[integritas.pk])))
    assert refused(client.post(reverse(EDIT, args=[integritas.pk]), _competency_post("M.01", "Diubah")))
    integritas.refresh_from_db()
    assert integritas.name == "Integritas"


def test_another_instansi_entry_is_a_404(org, dictionary, login):
    client = login(org.sdm)
    for name in (EDIT, INSPECT, "wagtailsnippets_kompetensi_competency:delete"):
        assert client.get(reverse(name, args=[dictionary.teknis_malut.pk])).status_code == 404
    assert client.get(reverse(EDIT, args=[dictionary.teknis.pk])).status_code == 200


def test_hr_adds_a_technical_entry_of_its_own_instansi_with_levels(org, dictionary, login):
    client = login(org.sdm)
    form = client.get(reverse(ADD))
    assert form.status_code == 200 and 'name="instansi"' not in form.text
    post = _competency_post("T.KEU.01", "Pengelolaan Keuangan", levels=[(1, "Dasar"), (3, "Menganalisis")])
    response = client.post(reverse(ADD), post)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    created = Competency.objects.get(code="T.KEU.01")
    assert (created.instansi, created.group) == (org.gorontalo, "teknis")
    assert dict(created.levels.values_list("level", "description")) == {1: "Dasar", 3: "Menganalisis"}


@pytest.mark.parametrize(
    "post, field",
    [
        (_competency_post("T.X.01", group="manajerial"), "group"),  # HR writes technical entries only
        (_competency_post("m.01"), "code"),  # a national code
        (_competency_post("T.SDM.01"), "code"),  # the instansi's own code again
        (_competency_post("T.X.02", levels=[(2, "a"), (2, "b")]), None),  # a level twice
        (_competency_post("T.X.03", levels=[(6, "a")]), None),  # no level 6
    ],
)
def test_hr_add_refuses_bad_entries(org, dictionary, login, post, field):
    response = login(org.sdm).post(reverse(ADD), post)
    assert response.status_code == 200
    if field:
        assert field in response.context["form"].errors
    assert not Competency.objects.filter(code=post["code"], instansi=org.gorontalo, name="Kompetensi Uji").exists()


def test_hr_cannot_point_an_entry_at_another_instansi_jabatan(org, dictionary, login):
    malut_jabatan = make_jabatan(org.malut, "MALUT-J", "fungsional", "Jabatan Malut")
    response = login(org.sdm).post(reverse(ADD), _competency_post("T.X.04", jabatan=str(malut_jabatan.pk)))
    assert response.status_code == 200 and "jabatan" in response.context["form"].errors


def test_superadmin_edits_a_national_entry(org, dictionary, login):
    client = login(org.superadmin)
    integritas = dictionary.national["M.01"]
    assert client.get(reverse(EDIT, args=[integritas.pk])).status_code == 200
    assert reverse(EDIT, args=[integritas.pk]) in client.get(reverse(LIST)).text


def test_employees_do_not_reach_the_dictionary_admin(org, dictionary, login):
    client = login(org.pegawai)
    for name in (LIST, STANDARD_LIST, BAND_LIST):
        assert refused(client.get(reverse(name)))


def test_dictionary_list_costs_the_same_for_more_entries(org, dictionary, login, django_assert_max_num_queries):
    client = login(org.sdm)
    client.get(reverse(LIST))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse(LIST))
    baseline = len(few.captured_queries)  # read now: the query log is a bounded deque
    for n in range(15):
        competency = Competency.objects.create(instansi=org.gorontalo, group="teknis", code=f"T.Q.{n}", name=f"Q {n}")
        CompetencyLevel.objects.create(competency=competency, level=1, description="d")
    client.get(reverse(LIST))
    with django_assert_max_num_queries(baseline):
        response = client.get(reverse(LIST))
    assert "Q 14" in response.text


# --- job standards ----------------------------------------------------------------------------------------------


@pytest.fixture
def standards(org, dictionary):
    malut_jabatan = make_jabatan(org.malut, "ANALIS", "fungsional", "Analis Malut")
    malut_standard = JobStandard.objects.create(
        jabatan=malut_jabatan, competency=dictionary.teknis_malut, required_level=2
    )
    return malut_jabatan, malut_standard


def test_hr_lists_and_filters_own_standards(org, dictionary, standards, login):
    client = login(org.sdm)
    response = client.get(reverse(STANDARD_LIST))
    assert response.status_code == 200 and "Standar kompetensi jabatan" in response.text
    assert "Analis SDM Aparatur Ahli Muda" in response.text and "Analis Malut" not in response.text
    teknis_only = client.get(reverse(STANDARD_LIST), {"competency__group": "teknis"})
    assert "Manajemen ASN" in teknis_only.text and "Integritas" not in teknis_only.text
    by_jabatan = client.get(reverse(STANDARD_LIST), {"jabatan": dictionary.jabatan.pk})
    assert "Integritas" in by_jabatan.text
    # the filter offers only the instansi's jabatan
    assert "Analis Malut" not in response.text


def test_another_instansi_standard_is_a_404(org, dictionary, standards, login):
    _jabatan, malut_standard = standards
    client = login(org.sdm)
    assert client.get(reverse(STANDARD_EDIT, args=[malut_standard.pk])).status_code == 404
    own = JobStandard.objects.filter(jabatan=dictionary.jabatan).first()
    assert client.get(reverse(STANDARD_EDIT, args=[own.pk])).status_code == 200


def test_standard_form_offers_own_jabatan_and_the_dictionary_in_force(org, dictionary, standards):
    form_class = JobStandardForm
    from kompetensi.competency.admin import JobStandardViewSet

    form_class = JobStandardViewSet().get_form_class()
    form = form_class(for_user=org.sdm.user)
    assert set(form.fields["jabatan"].queryset) == {dictionary.jabatan}
    choices = set(form.fields["competency"].queryset)
    assert dictionary.teknis in choices and dictionary.national["M.05"] in choices
    assert dictionary.teknis_malut not in choices


def test_hr_cannot_write_a_standard_for_another_instansi(org, dictionary, standards, login):
    malut_jabatan, _standard = standards
    client = login(org.sdm)
    data = {"jabatan": malut_jabatan.pk, "competency": dictionary.national["M.05"].pk, "required_level": "3"}
    response = client.post(reverse(STANDARD_ADD), data)
    assert response.status_code == 200 and "jabatan" in response.context["form"].errors
    data = {"jabatan": dictionary.jabatan.pk, "competency": dictionary.teknis_malut.pk, "required_level": "3"}
    response = client.post(reverse(STANDARD_ADD), data)
    assert response.status_code == 200 and "competency" in response.context["form"].errors
    data = {"jabatan": dictionary.jabatan.pk, "competency": dictionary.national["M.05"].pk, "required_level": "4"}
    assert client.post(reverse(STANDARD_ADD), data).status_code == 302
    assert JobStandard.objects.get(jabatan=dictionary.jabatan, competency__code="M.05").required_level == 4


def test_standards_list_costs_the_same_for_more_rows(org, dictionary, login, django_assert_max_num_queries):
    client = login(org.sdm)
    client.get(reverse(STANDARD_LIST))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse(STANDARD_LIST))
    baseline = len(few.captured_queries)
    for n in range(10):
        jabatan = make_jabatan(org.gorontalo, f"J{n}", "pelaksana", f"Jabatan {n}")
        JobStandard.objects.create(jabatan=jabatan, competency=dictionary.national["M.02"], required_level=2)
    client.get(reverse(STANDARD_LIST))  # the new organisation rows refresh the user's cached frame once
    with django_assert_max_num_queries(baseline):
        assert "Jabatan 9" in client.get(reverse(STANDARD_LIST)).text


# --- match bands ------------------------------------------------------------------------------------------------


def test_hr_keeps_its_own_match_bands(org, login):
    client = login(org.sdm)
    response = client.get(reverse(BAND_LIST))
    assert response.status_code == 200 and "Kategori kesesuaian jabatan" in response.text
    assert "Cukup optimal" in response.text
    default = MatchBand.objects.get(instansi__isnull=True, code="optimal")
    assert refused(client.get(reverse(BAND_EDIT, args=[default.pk])))
    form = client.get(reverse(BAND_ADD))
    assert org.malut.name not in form.text  # the instansi select offers only HR's own
    data = {"instansi": org.malut.pk, "code": "optimal", "name": "Optimal", "min_percent": "85"}
    assert client.post(reverse(BAND_ADD), data).status_code == 200
    data["instansi"] = org.gorontalo.pk
    assert client.post(reverse(BAND_ADD), data).status_code == 302
    own = MatchBand.objects.get(instansi=org.gorontalo)
    assert client.get(reverse(BAND_EDIT, args=[own.pk])).status_code == 200
    assert login(org.sdm_malut).get(reverse(BAND_EDIT, args=[own.pk])).status_code == 404


# --- the dictionary select of a course page --------------------------------------------------------------------


def test_course_page_offers_national_and_own_entries(org, dictionary, login):
    course = make_course(make_catalog(org.gorontalo), "Manajemen ASN Dasar")
    CourseCompetency.objects.create(course=course, competency=dictionary.teknis, level=2)
    course = CoursePage.objects.get(pk=course.pk)
    form_class = CoursePage.get_edit_handler().get_form_class()
    form = form_class(instance=course, parent_page=course.get_parent(), for_user=org.sdm.user)
    formset = form.formsets["competencies"]
    for child in [*formset.forms, formset.empty_form]:
        choices = set(child.fields["competency"].queryset)
        assert dictionary.teknis in choices and dictionary.national["M.01"] in choices
        assert dictionary.teknis_malut not in choices
    assert issubclass(form_class, CoursePageForm)
    page = login(org.superadmin).get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
    assert page.status_code == 200
    assert "Manajemen ASN (Malut)" not in page.text and "Manajemen ASN" in page.text
