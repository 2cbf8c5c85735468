"""A notification is sent once per (recipient, dedupe key): the second is refused by the unique constraint, inside a
transaction or not, and the transaction goes on."""

import pytest
from django.db import transaction

from portal.models import Notification
from portal.services import notify

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_same_key_twice_inside_a_transaction_leaves_it_usable(org):
    with transaction.atomic():
        first = notify(org.pegawai.user, kind="uji", title="Rapat", dedupe_key="rapat-1")
        again = notify(org.pegawai.user, kind="uji", title="Rapat", dedupe_key="rapat-1")
        other = notify(org.rekan.user, kind="uji", title="Rapat", dedupe_key="rapat-1")
        # the transaction is not broken by the refused insert: it still writes
        Notification.objects.filter(pk=first.pk).update(title="Rapat pagi")
    assert first is not None and again is None and other is not None
    assert Notification.objects.get(pk=first.pk).title == "Rapat pagi"
    assert Notification.objects.filter(dedupe_key="rapat-1").count() == 2


def test_the_same_key_twice_outside_a_transaction(org):
    assert notify(org.pegawai.user, kind="uji", title="Halo", dedupe_key="halo-2") is not None
    assert notify(org.pegawai.user, kind="uji", title="Halo", dedupe_key="halo-2") is None
    assert Notification.objects.filter(dedupe_key="halo-2").count() == 1
