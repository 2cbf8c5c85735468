from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import autodiscover_modules

from portal.demo import demo_steps
from portal.demo.bulk import add_bench_employees
from portal.services import notifications_muted


class Command(BaseCommand):
    help = "Memuat data demo Lentera (aman dijalankan berulang kali). Ditolak pada pengaturan produksi."

    def add_arguments(self, parser):
        parser.add_argument(
            "--employees", type=int, default=0, help="Tambahkan pegawai uji hingga berjumlah N (untuk benchmark)."
        )
        parser.add_argument("--only", nargs="*", help="Jalankan hanya langkah demo dengan nama ini.")

    def handle(self, *args, **options):
        if getattr(settings, "IS_PRODUCTION", False):
            raise CommandError("load_demo tidak boleh dijalankan dengan pengaturan produksi.")
        autodiscover_modules("demo")
        # Demo steps enrol, approve and certify; the notifications they make stay in the app and are never
        # emailed (with a broker configured, an email backend override here would not reach the worker).
        with notifications_muted():
            self.run_steps(options)
        self.stdout.write(self.style.SUCCESS("Data demo siap. Kata sandi semua akun demo: lentera-demo"))

    def run_steps(self, options):
        for step in demo_steps():
            if options["only"] and step.name not in options["only"]:
                continue
            self.stdout.write(f"Demo: {step.name}")
            step.run(self.stdout)
        if options["employees"]:
            created = add_bench_employees(options["employees"], self.stdout)
            self.stdout.write(f"{created} pegawai uji ditambahkan.")
