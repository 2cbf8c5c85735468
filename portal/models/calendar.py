from django.db import models
from django.utils.translation import gettext_lazy as _


class Holiday(models.Model):
    """A day the offices are closed: a national holiday or cuti bersama (no instansi: every instansi, loaded from the
    yearly SKB of the Menteri Agama, Menteri Ketenagakerjaan and Menteri PANRB), or an instansi's own day off (a
    regional holiday). Working-day deadlines skip these and weekends. Shaped like a rule table
    (`portal.rule_tables`), except that an instansi's rows add to the national ones rather than replace them."""

    class Kind(models.TextChoices):
        NATIONAL = "nasional", _("Libur nasional")
        JOINT_LEAVE = "cuti_bersama", _("Cuti bersama")
        REGIONAL = "daerah", _("Libur daerah / instansi")

    rule_key = ("date",)

    instansi = models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="holidays", help_text=_("Kosongkan untuk hari libur nasional yang berlaku di semua instansi."),
    )  # fmt: skip
    date = models.DateField(_("tanggal"))
    name = models.CharField(_("nama"), max_length=150)
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices, default=Kind.REGIONAL)

    class Meta:
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        ordering = ["date", "instansi_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["date"], condition=models.Q(instansi__isnull=True), name="holiday_national"
            ),
            models.UniqueConstraint(fields=["instansi", "date"], name="holiday_per_instansi"),
        ]

    def __str__(self):
        return f"{self.date:%d-%m-%Y} {self.name}"
