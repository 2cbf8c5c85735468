"""Listings cost a constant number of queries however many pages there are."""

import pytest

from home.models import NewsPage

from .builders import add, policy

pytestmark = pytest.mark.django_db


def _count(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("grow", [3, 12])
def test_policy_index_constant_queries(intranet, org, login, grow, django_assert_max_num_queries):
    for i in range(grow):
        policy(intranet.gorontalo.policies, title=f"Kebijakan {i}", number=f"{i}/2025")
        intranet.gorontalo.policies.get_children().last().specific.subjects.add("disiplin")
    client = login(org.pegawai)
    client.get(intranet.gorontalo.policies.url)  # warm caches (site root paths)
    _count(client, intranet.gorontalo.policies.url, django_assert_max_num_queries, 40)


@pytest.mark.parametrize("grow", [3, 12])
def test_news_index_constant_queries(intranet, org, login, grow, django_assert_max_num_queries):
    for i in range(grow):
        add(intranet.gorontalo.news, NewsPage(title=f"Berita {i}"))
    client = login(org.pegawai)
    client.get(intranet.gorontalo.news.url)
    _count(client, intranet.gorontalo.news.url, django_assert_max_num_queries, 40)


def test_query_count_does_not_grow(intranet, org, login, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(org.pegawai)
    counts = []
    for batch in range(2):
        for i in range(5):
            policy(intranet.gorontalo.policies, title=f"K{batch}-{i}", number=f"{batch}{i}")
        client.get(intranet.gorontalo.policies.url)
        with CaptureQueriesContext(connection) as ctx:
            client.get(intranet.gorontalo.policies.url)
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_an_empty_filter_says_no_match_not_no_pages(intranet, org, login):
    policy(intranet.gorontalo.policies, title="Kebijakan Cuti", number="1/2025")
    client = login(org.pegawai)
    html = client.get(intranet.gorontalo.policies.url, {"tahun": "1999"}).content.decode()
    assert "Tidak ada halaman yang cocok dengan saringan ini." in html and "Belum ada halaman." not in html
    empty = client.get(intranet.gorontalo.news.url).content.decode()
    assert "Belum ada halaman." in empty
