"""An intranet for the `org` fixture: home pages of Gorontalo and Maluku Utara with their index pages."""

from types import SimpleNamespace

import pytest

from home import editorial
from home.models import ContentIndexPage, NewsIndexPage, PolicyIndexPage, SocialisationIndexPage

from .builders import add


def _site_for(instansi):
    home = editorial.home_for_new_instansi(instansi)
    return SimpleNamespace(
        home=home,
        policies=add(home, PolicyIndexPage(title="Kebijakan", slug="kebijakan", show_in_menus=True)),
        news=add(home, NewsIndexPage(title="Berita", slug="berita", show_in_menus=True)),
        guidance=add(home, ContentIndexPage(title="Panduan", slug="panduan", show_in_menus=True)),
        campaigns=add(home, SocialisationIndexPage(title="Sosialisasi", slug="sosialisasi", show_in_menus=True)),
    )


@pytest.fixture
def intranet(org):
    return SimpleNamespace(gorontalo=_site_for(org.gorontalo), malut=_site_for(org.malut))
