"""The demo's RHK templates: a few jabatan of every demo instansi have templates with IKI, each of its own
instansi; the demo employee of such a jabatan is offered them; a second run adds nothing."""

import pytest

from kinerja.models import RhkTemplate, RhkTemplateIki
from kinerja.rhk_templates import queries
from kinerja.rhk_templates.demo import load_rhk_templates
from portal.demo.organisation import load_organisation
from portal.models import Instansi, Pegawai

pytestmark = pytest.mark.django_db


def test_every_demo_instansi_gets_templates_for_some_jabatan_once(django_assert_max_num_queries):
    load_organisation()
    with django_assert_max_num_queries(1 + 5 * 6):  # a few per instansi, whatever the number of templates
        load_rhk_templates()
    for instansi in Instansi.objects.all():
        found = RhkTemplate.objects.filter(instansi=instansi)
        assert found.values("jabatan").distinct().count() >= 2, instansi
    for template in RhkTemplate.objects.select_related("jabatan").prefetch_related("iki"):
        assert template.jabatan.instansi_id == template.instansi_id and template.iki.all()
    pegawai = Pegawai.objects.select_related("jabatan").get(user__username="pegawai.gorontalo")
    assert queries.active_count(pegawai) == 3
    before = (RhkTemplate.objects.count(), RhkTemplateIki.objects.count())
    load_rhk_templates()
    assert (RhkTemplate.objects.count(), RhkTemplateIki.objects.count()) == before
