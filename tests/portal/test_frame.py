"""The per-user frame (portal.frame): what every page needs about the user is read once and then served from the
cache, and every change it depends on shows on the very next request."""

import pytest
from django.contrib.auth.models import Group

from portal import roles, services
from tests.factories import make_pegawai

pytestmark = pytest.mark.django_db


def _page(client):
    response = client.get("/notifikasi/")
    return response.status_code, response.content.decode()


def _grant_hr(org):
    org.rekan.user.groups.add(Group.objects.get(name=roles.ADMIN_SDM))


def _revoke_hr(org):
    org.sdm.user.groups.remove(Group.objects.get(name=roles.ADMIN_SDM))


def _new_report(org):
    make_pegawai(org.gorontalo, org.bidang, atasan=org.rekan, nama="Rina Baru")


def _rename_instansi(org):
    org.gorontalo.name = "Pemerintah Provinsi Gorontalo Baru"
    org.gorontalo.save()


def _deactivate_account(org):
    org.rekan.user.is_active = False
    org.rekan.user.save()


def _notify(org):
    services.notify(org.rekan.user, kind="uji", title="Uji", dedupe_key="uji-1")


@pytest.mark.parametrize(
    ("who", "change", "before", "after"),
    [
        # a role granted or taken away changes the menu at once (the "Kepatuhan JP" entry is HR's)
        ("rekan", _grant_hr, lambda html: "Kepatuhan JP" not in html, lambda html: "Kepatuhan JP" in html),
        ("sdm", _revoke_hr, lambda html: "Kepatuhan JP" in html, lambda html: "Kepatuhan JP" not in html),
        # becoming someone's supervisor brings "Tim saya"
        ("rekan", _new_report, lambda html: ">Tim saya<" not in html, lambda html: ">Tim saya<" in html),
        # shared content: the instansi's name in the header
        ("rekan", _rename_instansi, lambda html: "Gorontalo Baru" not in html, lambda html: "Gorontalo Baru" in html),
        # the unread badge follows a new notification
        (
            "rekan",
            _notify,
            lambda html: 'data-testid="unread-count"' not in html,
            lambda html: 'unread-count">1<' in html,
        ),
    ],
)
def test_a_change_shows_on_the_next_request(org, login, who, change, before, after):
    client = login(getattr(org, who))
    _page(client)  # fills the frame
    status, html = _page(client)
    assert status == 200 and before(html)
    change(org)
    status, html = _page(client)
    assert status == 200 and after(html)


def test_a_deactivated_account_is_signed_out_on_the_next_request(org, login):
    client = login(org.rekan)
    assert _page(client)[0] == 200
    _deactivate_account(org)
    assert client.get("/notifikasi/").status_code == 302


def test_a_changed_password_ends_other_sessions(org, login):
    client = login(org.rekan)
    assert _page(client)[0] == 200
    user = org.rekan.user
    user.set_password("kata-sandi-baru-123")
    user.save()
    assert client.get("/notifikasi/").status_code == 302


def test_marking_everything_read_clears_the_badge(org, login):
    _notify(org)
    client = login(org.rekan)
    assert 'unread-count">1<' in _page(client)[1]
    services.mark_notifications_read(org.rekan.user)
    assert 'data-testid="unread-count"' not in _page(client)[1]


def test_the_frame_costs_no_query_once_filled(org, login, django_assert_max_num_queries):
    client = login(org.atasan)
    _page(client)
    # the page's own two (its count and its rows) and the approvals badge; no session, user, roles or menu query
    with django_assert_max_num_queries(3):
        assert _page(client)[0] == 200


def test_one_frame_per_request_through_the_lazy_request_user(org, login, monkeypatch):
    from portal import frame

    built = []
    original = frame.Frame.__init__

    def counting(self, user_id):
        built.append(user_id)
        original(self, user_id)

    monkeypatch.setattr(frame.Frame, "__init__", counting)
    client = login(org.atasan)
    _page(client)
    built.clear()
    _page(client)
    assert built == [org.atasan.user.pk]


def test_a_migrate_drops_what_is_kept_with_the_shared_data(org):
    from django.core.cache import cache
    from django.core.management.sql import emit_post_migrate_signal

    from portal import frame

    assert frame.shared_value("uji:migrasi", lambda: "lama") == "lama"
    before = cache.get(frame._SHARED)
    # data migrations write through historical models: only the post_migrate signal tells
    emit_post_migrate_signal(0, False, "default")
    assert cache.get(frame._SHARED) != before
    assert frame.shared_value("uji:migrasi", lambda: "baru") == "baru"
