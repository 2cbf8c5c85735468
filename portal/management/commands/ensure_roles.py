from django.core.management.base import BaseCommand

from portal.roles import ensure_role_groups


class Command(BaseCommand):
    help = "Membuat grup peran Lentera beserta hak aksesnya (aman dijalankan berulang kali)."

    def handle(self, *args, **options):
        ensure_role_groups()
        self.stdout.write(self.style.SUCCESS("Grup peran siap."))
