"""Everywhere Wagtail reaches, another instansi's objects stay invisible (issue 7)."""

from datetime import date

import pytest
from wagtail.log_actions import log

from tests.home.builders import policy

pytestmark = pytest.mark.django_db


def raw(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def text(response):
    return raw(response).decode()


# --- 1. audit log ------------------------------------------------------------------------------------------


@pytest.fixture
def audit(intranet, org):
    log(org.pegawai_malut, "wagtail.edit", user=org.sdm_malut.user)
    log(org.pegawai, "wagtail.edit", user=org.sdm.user)
    return {
        "own_page": policy(intranet.gorontalo.policies, title="Pergub Gorontalo Terbuka"),
        "foreign_page": policy(intranet.malut.policies, title="Pergub Maluku Utara Rahasia"),
    }


@pytest.mark.parametrize("query", ["", "?export=csv"])
def test_site_history_lists_own_instansi_entries_only(audit, org, login, query):
    body = text(login(org.sdm).get(f"/admin/reports/site-history/{query}"))
    assert "Siti Pegawai" in body
    assert "Fadli Malut" not in body
    assert "Muhammad SDM" not in body


def test_site_history_pages_of_other_instansi_are_hidden(audit, org, login):
    client = login(org.konten)
    body = client.get("/admin/reports/site-history/").content.decode()
    assert "Pergub Gorontalo Terbuka" in body
    assert "Pergub Maluku Utara Rahasia" not in body


def test_site_history_xlsx_export_is_scoped(audit, org, login):
    from io import BytesIO

    from openpyxl import load_workbook

    response = login(org.sdm).get("/admin/reports/site-history/?export=xlsx")
    rows = [" ".join(str(cell) for cell in row) for row in load_workbook(BytesIO(raw(response))).active.values]
    assert any("Siti Pegawai" in row for row in rows)
    assert not any("Fadli Malut" in row for row in rows)


def test_site_history_results_and_user_filter_are_scoped(audit, org, login):
    client = login(org.sdm)
    body = client.get("/admin/reports/site-history/results/").content.decode()
    assert "Fadli Malut" not in body and "Siti Pegawai" in body
    assert "sdm_malut" not in client.get("/admin/reports/site-history/").content.decode()


def test_superuser_sees_every_instansi(audit, org, login):
    body = login(org.superadmin).get("/admin/reports/site-history/").content.decode()
    assert "Fadli Malut" in body and "Pergub Maluku Utara Rahasia" in body


# --- 2. snippets over instansi-owned models ----------------------------------------------------------------


def _snippet_rows(model, org):
    from kompetensi.models import KonversiJP, TargetJP

    if model is KonversiJP:
        default = KonversiJP.objects.filter(instansi__isnull=True).select_related("bentuk").first()
        make = lambda instansi: KonversiJP.objects.create(  # noqa: E731
            bentuk=default.bentuk, instansi=instansi, unit="hari", jp_per_unit=6
        )
    else:
        default = TargetJP.objects.filter(instansi__isnull=True).first()
        make = lambda instansi: TargetJP.objects.create(status="PNS", instansi=instansi, target=30)  # noqa: E731
    return {"own": make(org.gorontalo), "foreign": make(org.malut), "default": default}


def _object_urls(viewset, pk):
    """Every view of the viewset addressed by a pk, generated from its URL patterns."""
    from django.urls import reverse

    urls = {}
    for pattern in viewset.get_urlpatterns():
        names = list(pattern.pattern.regex.groupindex)
        if "pk" not in names:
            continue
        kwargs = {name: pk if name == "pk" else "1" for name in names}
        urls[pattern.name] = reverse(viewset.get_url_name(pattern.name), kwargs=kwargs)
    return urls


def _scoped_snippet_viewsets():
    from wagtail.snippets.models import get_snippet_models

    from portal.admin_scoping import INSTANSI_PATHS

    return [model.snippet_viewset for model in get_snippet_models() if model in INSTANSI_PATHS]


def test_every_snippet_over_an_instansi_model_uses_the_kit(db):
    from kompetensi.models import KonversiJP, TargetJP
    from portal.admin_scoping import ScopedSnippetViewSet

    viewsets = _scoped_snippet_viewsets()
    assert {KonversiJP, TargetJP} <= {viewset.model for viewset in viewsets}
    assert all(isinstance(viewset, ScopedSnippetViewSet) for viewset in viewsets)


@pytest.mark.parametrize("model_name", ["KonversiJP", "TargetJP"])
def test_rule_snippet_views_answer_404_for_another_instansi(org, login, model_name):
    from kompetensi import models

    model = getattr(models, model_name)
    rows = _snippet_rows(model, org)
    viewset = model.snippet_viewset
    client = login(org.sdm)
    foreign = _object_urls(viewset, rows["foreign"].pk)
    assert {"edit", "delete", "history", "usage", "copy"} <= set(foreign)
    wrong = {name: client.get(url).status_code for name, url in foreign.items()}
    assert set(wrong.values()) == {404}, wrong
    own = {name: client.get(url).status_code for name, url in _object_urls(viewset, rows["own"].pk).items()}
    assert own["edit"] == own["history"] == own["usage"] == own["copy"] == 200, own
    assert 404 not in own.values(), own


@pytest.mark.parametrize("model_name", ["KonversiJP", "TargetJP"])
def test_rule_defaults_are_viewable_never_editable_by_hr(org, login, model_name):
    from kompetensi import models

    model = getattr(models, model_name)
    default = _snippet_rows(model, org)["default"]
    urls = _object_urls(model.snippet_viewset, default.pk)
    client = login(org.sdm)
    for name in ("history", "usage", "copy"):  # copying a default starts the instansi's own override
        assert client.get(urls[name]).status_code == 200, name
    for name in ("edit", "delete"):  # Wagtail's admin answers a refusal with a redirect to the dashboard
        response = client.get(urls[name])
        assert (response.status_code, response["Location"]) == (302, "/admin/"), name
    assert login(org.superadmin).get(urls["edit"]).status_code == 200


# --- 3. documents and images -------------------------------------------------------------------------------


@pytest.fixture
def media(intranet, org, settings, tmp_path):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from home.collections import ensure_instansi_collection

    settings.MEDIA_ROOT = tmp_path
    collections = {key: ensure_instansi_collection(getattr(org, key)) for key in ("gorontalo", "malut")}

    def document(key, name):
        return Document.objects.create(
            title=name, file=ContentFile(b"%PDF-1.4 uji", name=f"{name}.pdf"), collection=collections[key]
        )

    def image(key, name):
        return Image.objects.create(title=name, file=get_test_image_file(f"{name}.png"), collection=collections[key])

    return {
        "collections": collections,
        "own_doc": document("gorontalo", "sk-gorontalo"),
        "foreign_doc": document("malut", "sk-malut"),
        "own_image": image("gorontalo", "foto-gorontalo"),
        "foreign_image": image("malut", "foto-malut"),
    }


def test_each_instansi_has_its_collection_with_its_groups_permissions(org, intranet):
    from wagtail.models import GroupCollectionPermission

    from home.collections import ensure_instansi_collection

    own, foreign = ensure_instansi_collection(org.gorontalo), ensure_instansi_collection(org.malut)
    assert own.get_parent().is_root() and own.name == org.gorontalo.name
    konten_groups = org.konten.user.groups.all()
    granted = GroupCollectionPermission.objects.filter(group__in=konten_groups)
    assert granted.filter(collection=own, permission__codename="add_document").exists()
    assert not granted.filter(collection=foreign).exists()


def test_organiser_group_gets_permissions_in_its_instansi_collection(org):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupCollectionPermission

    from home.collections import ensure_instansi_collection
    from portal import roles

    group = roles.instansi_group(org.gorontalo, roles.PENYELENGGARA)
    ensure_instansi_collection(org.gorontalo)
    assert isinstance(group, Group)
    granted = GroupCollectionPermission.objects.filter(group=group)
    assert set(granted.values_list("permission__codename", flat=True)) == {
        "add_document", "choose_document", "choose_image",
    }  # fmt: skip
    assert set(granted.values_list("collection", flat=True)) == {ensure_instansi_collection(org.gorontalo).pk}


def test_new_instansi_gets_its_collection(db, django_capture_on_commit_callbacks):
    from home.models import InstansiCollection
    from tests.factories import make_instansi

    with django_capture_on_commit_callbacks(execute=True):  # onboarding runs once the instansi is committed
        instansi = make_instansi("ternate", "Pemerintah Kota Ternate", "Asia/Jayapura")
    assert InstansiCollection.objects.get(instansi=instansi).collection.name == "Pemerintah Kota Ternate"


def test_documents_download_only_within_own_instansi(media, org, login):
    own, foreign = media["own_doc"], media["foreign_doc"]
    client = login(org.konten)
    assert client.get(own.url).status_code == 200
    assert client.get(foreign.url).status_code == 404
    assert login(org.pegawai_malut).get(foreign.url).status_code == 200
    assert login(org.superadmin).get(own.url).status_code == 200


def test_document_only_on_a_restricted_page_is_not_downloadable_by_others(media, intranet, org, login):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    from home.models import PolicyAttachment

    page = policy(intranet.gorontalo.policies, title="Pergub Terbatas")
    page.attachments.add(PolicyAttachment(document=media["own_doc"]))
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name="Pimpinan"))
    assert login(org.pegawai).get(media["own_doc"].url).status_code == 404
    assert login(org.pimpinan).get(media["own_doc"].url).status_code == 200


def _api_titles(client, kind):
    response = client.get(f"/admin/api/main/{kind}/")
    assert response.status_code == 200
    return {item["title"] for item in response.json()["items"]}


def test_admin_api_lists_own_collection_only(media, org, login):
    client = login(org.konten)
    assert _api_titles(client, "documents") == {"sk-gorontalo"}
    assert _api_titles(client, "images") == {"foto-gorontalo"}
    nobody = login(org.sdm)  # no document or image permission at all
    assert _api_titles(nobody, "documents") == set()
    assert _api_titles(nobody, "images") == set()


def test_admin_image_listing_and_chooser_list_own_collection_only(media, org, login):
    client = login(org.konten)
    for url in ("/admin/images/", "/admin/images/chooser/"):
        body = text(client.get(url))
        assert "foto-gorontalo" in body and "foto-malut" not in body, url
    body = text(client.get("/admin/documents/chooser/"))
    assert "sk-gorontalo" in body and "sk-malut" not in body


# --- 4. page chooser, explorer and admin page views -----------------------------------------------------------


@pytest.fixture
def pages(intranet):
    from home.models import PolicyPage

    draft = PolicyPage(
        title="Draf Rahasia Maluku Utara",
        regulation_type="perkada",
        number="9/2025",
        live=False,
        date_issued=date(2025, 1, 2),
    )
    intranet.malut.policies.add_child(instance=draft)
    return {
        "own": policy(intranet.gorontalo.policies, title="Pergub Gorontalo Terbuka"),
        "foreign": policy(intranet.malut.policies, title="Pergub Maluku Utara Rahasia"),
        "foreign_draft": draft,
    }


def test_page_chooser_shows_own_instansi_only(pages, intranet, org, login):
    client = login(org.konten)
    portal_root = intranet.gorontalo.home.get_parent()
    browse = text(client.get(f"/admin/choose-page/{portal_root.pk}/"))
    assert intranet.gorontalo.home.title in browse and intranet.malut.home.title not in browse
    found = text(client.get("/admin/choose-page/search/", {"q": "Pergub"}))
    assert "Pergub Gorontalo Terbuka" in found and "Maluku Utara" not in found
    found = text(client.get("/admin/choose-page/search/", {"q": "Draf"}))
    assert "Draf Rahasia" not in found
    assert client.get(f"/admin/choose-page/{intranet.malut.policies.pk}/").status_code == 404
    assert "Pergub Gorontalo Terbuka" in text(client.get(f"/admin/choose-page/{intranet.gorontalo.policies.pk}/"))


def test_explorer_lists_own_home_only(pages, intranet, org, login):
    client = login(org.konten)
    portal_root = intranet.gorontalo.home.get_parent()
    # Wagtail sends an editor from the pages above their subtree down to its top
    listing = text(client.get(f"/admin/pages/{portal_root.pk}/", follow=True))
    assert intranet.gorontalo.home.title in listing and intranet.malut.home.title not in listing
    assert "Pergub Gorontalo Terbuka" in text(client.get(f"/admin/pages/{intranet.gorontalo.policies.pk}/"))


def _admin_page_urls(page_id):
    """Every admin URL addressed by a page id (Wagtail's page views, explorer, chooser), from the resolver."""
    from django.urls import get_resolver, reverse

    from home.admin_guards import ADMIN_PAGE_NAMESPACE, ADMIN_PAGE_URL_NAMES, PAGE_ID_KWARGS

    from .urlwalk import iter_urls

    urls = {}
    for path, _pattern in iter_urls(get_resolver()):
        if not path.startswith("/admin/"):
            continue
        match = get_resolver().resolve(path)
        names = PAGE_ID_KWARGS + (("pk",) if ADMIN_PAGE_NAMESPACE in match.namespaces else ())
        if ADMIN_PAGE_NAMESPACE not in match.namespaces and match.url_name not in ADMIN_PAGE_URL_NAMES:
            continue
        if not any(name in match.kwargs for name in names):
            continue
        kwargs = {name: (page_id if name in names else value) for name, value in match.kwargs.items()}
        urls[match.view_name] = reverse(match.view_name, kwargs=kwargs)
    return urls


def test_every_admin_page_view_answers_404_for_another_instansi(pages, org, login):
    foreign = _admin_page_urls(pages["foreign"].pk)
    assert {"wagtailadmin_pages:edit", "wagtailadmin_pages:history", "wagtailadmin_pages:usage",
            "wagtailadmin_pages:delete", "wagtailadmin_pages:copy", "wagtailadmin_explore"} <= set(foreign)  # fmt: skip
    for role in ("konten", "pimpinan", "sdm", "pelatihan"):
        client = login(getattr(org, role))
        statuses = {name: client.get(url).status_code for name, url in foreign.items()}
        assert set(statuses.values()) == {404}, (role, statuses)


def test_admin_page_views_of_own_pages_work(pages, org, login):
    own = _admin_page_urls(pages["own"].pk)
    client = login(org.konten)
    for name in ("wagtailadmin_pages:edit", "wagtailadmin_pages:history", "wagtailadmin_pages:usage",
                 "wagtailadmin_explore"):  # fmt: skip
        assert client.get(own[name]).status_code == 200, name


# --- 5. a home page stays with its instansi ----------------------------------------------------------------------


def _home_form(home, user, **changes):
    from wagtail.test.utils.form_data import nested_form_data, rich_text

    form_class = home.get_edit_handler().get_form_class()
    data = {"title": home.title, "slug": home.slug, "instansi": home.instansi_id, "intro": rich_text(""), **changes}
    return form_class(instance=home, for_user=user, data=nested_form_data(data))


def test_home_instansi_is_read_only_for_non_superusers(intranet, org):
    home = intranet.gorontalo.home
    form = _home_form(home, org.konten.user, instansi=org.malut.pk)
    assert form.fields["instansi"].disabled
    form.is_valid()
    assert form.cleaned_data.get("instansi") == org.gorontalo  # the posted value is ignored
    assert not _home_form(home, org.superadmin).fields["instansi"].disabled


def test_publishing_a_change_of_instansi_needs_a_superuser(intranet, org):
    from django.core.exceptions import PermissionDenied

    from portal.models import Instansi

    home = intranet.gorontalo.home
    other = Instansi.objects.create(slug="ternate", name="Pemerintah Kota Ternate", time_zone="Asia/Jayapura")
    home.instansi = other
    revision = home.save_revision(user=org.konten.user)
    with pytest.raises(PermissionDenied):
        revision.publish(user=org.konten.user)
    with pytest.raises(PermissionDenied):
        revision.publish(user=org.pimpinan.user)  # approving someone else's revision
    home.refresh_from_db()
    assert home.instansi == org.gorontalo
    revision.publish(user=org.superadmin)
    home.refresh_from_db()
    assert home.instansi == other


# --- 6. restricted pages of another instansi --------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["login", "groups", "password"])
def test_restricted_page_of_another_instansi_looks_missing(intranet, org, login, kind):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    page = policy(intranet.malut.policies, title="Pergub Maluku Utara Terbatas")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password="rahasia")
    if kind == "groups":
        restriction.groups.add(Group.objects.get(name="Admin SDM"))
    client = login(org.sdm)  # an Admin SDM of Gorontalo: even the group on the restriction does not let them in
    client.get("/halaman-yang-tidak-ada/")  # the frame's cached fragments filled, as for the request compared
    missing = client.get("/halaman-yang-tidak-ada/")
    response = client.get(page.url)
    assert response.status_code == missing.status_code == 404
    assert [t.name for t in response.templates] == [t.name for t in missing.templates]
    client.logout()
    assert client.get(page.url).status_code in (200, 302)  # logged out: the login redirect or password form
    if kind != "password":
        assert login(org.sdm_malut).get(page.url).status_code == 200


def test_group_restricted_page_of_another_instansi_looks_missing_to_outsiders(intranet, org, login):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    page = policy(intranet.malut.policies, title="Pergub Maluku Utara Pimpinan")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
    restriction.groups.add(Group.objects.get(name="Pimpinan"))
    client = login(org.sdm)
    client.get("/halaman-yang-tidak-ada/")  # the frame's cached fragments filled, as for the request compared
    missing = client.get("/halaman-yang-tidak-ada/")
    response = client.get(page.url)
    assert response.status_code == missing.status_code == 404
    assert [t.name for t in response.templates] == [t.name for t in missing.templates]
    # within the page's own instansi, Wagtail's restriction answers as before
    assert login(org.sdm_malut).get(page.url).status_code == 302


def _media_admin_urls(obj):
    """Every admin URL addressed by this document's or image's id, generated from the resolver."""
    from django.urls import get_resolver, reverse

    from home.admin_guards import MEDIA_NAMESPACES

    from .urlwalk import iter_urls

    urls = {}
    for path, _pattern in iter_urls(get_resolver()):
        if not path.startswith("/admin/"):
            continue
        match = get_resolver().resolve(path)
        namespace = next((name for name in match.namespaces if name in MEDIA_NAMESPACES), None)
        if namespace is None or MEDIA_NAMESPACES[namespace][0]() is not type(obj):
            continue
        names = MEDIA_NAMESPACES[namespace][1]
        if any(name in match.kwargs for name in names):
            kwargs = {name: (obj.pk if name in names else value) for name, value in match.kwargs.items()}
            urls[match.view_name] = reverse(match.view_name, kwargs=kwargs)
    return urls


@pytest.mark.parametrize("kind", ["doc", "image"])
def test_admin_views_of_another_instansis_media_answer_404(media, org, login, kind):
    foreign, own = _media_admin_urls(media[f"foreign_{kind}"]), _media_admin_urls(media[f"own_{kind}"])
    assert len(foreign) >= 4, foreign
    client = login(org.konten)
    statuses = {name: client.get(url).status_code for name, url in foreign.items()}
    assert set(statuses.values()) == {404}, statuses
    edit = "wagtaildocs:edit" if kind == "doc" else "wagtailimages:edit"
    assert client.get(own[edit]).status_code == 200
