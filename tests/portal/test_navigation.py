from portal.models import Pegawai
from portal.navigation import count_together


def test_counts_each_queryset_in_one_query(org, django_assert_num_queries):
    with django_assert_num_queries(1):
        counts = count_together([Pegawai.objects.filter(instansi=org.malut), Pegawai.objects.filter(pk=org.sdm.pk)])
    assert counts == [2, 1]


def test_a_queryset_known_to_be_empty_counts_zero_without_asking(org, django_assert_num_queries):
    # `.none()` and `pk__in=[]` have no SQL: Django raises EmptyResultSet when asked to write it
    everyone = Pegawai.objects.all()
    with django_assert_num_queries(1):
        counts = count_together([Pegawai.objects.none(), everyone, Pegawai.objects.filter(pk__in=[])])
    assert counts == [0, everyone.count(), 0]
    with django_assert_num_queries(0):
        assert count_together([Pegawai.objects.none()]) == [0]
    assert count_together([]) == []
