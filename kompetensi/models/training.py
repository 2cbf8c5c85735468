"""Sessions (angkatan) of a course, enrolments and their history, attendance, certificates, evaluations."""

import secrets
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import TransitionRecord
from portal.private_storage import private_storage

from .. import rules


def _token():
    return secrets.token_urlsafe(24)


class TrainingSession(models.Model):
    class Kind(models.TextChoices):
        TRAINING = "pelatihan", _("Pelatihan")
        # a working session that produces something (a draft, a plan): JP by the workshop conversion rule, per day
        WORKSHOP = "workshop", _("Workshop")

    course = models.ForeignKey(
        "kompetensi.CoursePage", verbose_name=_("kursus"), on_delete=models.CASCADE, related_name="sessions"
    )
    # the organising instansi: its time zone is the one the organiser types times in
    instansi = models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi penyelenggara"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("nama angkatan"), max_length=120, help_text=_("Misalnya Angkatan I 2026."))
    kind = models.CharField(_("jenis kegiatan"), max_length=10, choices=Kind.choices, default=Kind.TRAINING)
    facilitators = models.TextField(
        _("fasilitator"), blank=True, max_length=2000, help_text=_("Satu nama per baris, boleh dengan asal instansi.")
    )
    expected_outputs = models.TextField(
        _("keluaran yang diharapkan"), blank=True, max_length=2000, help_text=_("Satu keluaran per baris.")
    )
    start_at = models.DateTimeField(_("mulai"))
    end_at = models.DateTimeField(_("selesai"))
    place = models.CharField(_("tempat"), max_length=200, blank=True)
    online_url = models.URLField(_("tautan daring"), blank=True)
    capacity = models.PositiveIntegerField(_("kapasitas"), validators=[MinValueValidator(1)])
    enrol_opens_at = models.DateTimeField(_("pendaftaran dibuka"))
    enrol_closes_at = models.DateTimeField(_("pendaftaran ditutup"))
    organiser = models.ForeignKey(
        "portal.Pegawai",
        verbose_name=_("penanggung jawab"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organised_sessions",
    )
    open_to_other_instansi = models.BooleanField(_("terbuka untuk pegawai instansi lain"), default=False)
    # seats held by enrolments in rules.SEAT_STATES (confirmed, attended, completed, not completed); written only
    # by the enrolment services' conditional UPDATEs, so listings show open seats without counting and a seat is
    # taken without locking the session for longer than the enrolment's own commit
    seats_taken = models.PositiveIntegerField(_("kursi terisi"), default=0, editable=False)
    checkin_token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("angkatan")
        verbose_name_plural = _("angkatan")
        ordering = ["start_at", "pk"]
        indexes = [
            models.Index(fields=["course", "start_at"]),
            models.Index(fields=["instansi", "start_at"]),
            models.Index(
                fields=["start_at"], condition=models.Q(open_to_other_instansi=True), name="session_open_to_all"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_at__gt=models.F("start_at")), name="session_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(enrol_closes_at__gt=models.F("enrol_opens_at")), name="session_window_valid"
            ),
            # the last guard against overbooking: whatever a bug or a hand-written UPDATE does, the database refuses
            # more seats than the capacity, or fewer than none
            models.CheckConstraint(
                condition=models.Q(seats_taken__gte=0, seats_taken__lte=models.F("capacity")),
                name="session_seats_within_capacity",
            ),
        ]

    def __str__(self):
        return f"{self.course.title} — {self.name}"

    def clean(self):
        errors = {}
        if self.start_at and self.end_at and self.end_at <= self.start_at:
            errors["end_at"] = _("Waktu selesai harus setelah waktu mulai.")
        if self.enrol_opens_at and self.enrol_closes_at and self.enrol_closes_at <= self.enrol_opens_at:
            errors["enrol_closes_at"] = _("Pendaftaran harus ditutup setelah dibuka.")
        if self.enrol_closes_at and self.end_at and self.enrol_closes_at > self.end_at:
            errors["enrol_closes_at"] = _("Pendaftaran harus ditutup paling lambat saat angkatan selesai.")
        if not self.place and not self.online_url:
            errors["place"] = _("Isi tempat atau tautan daring.")
        if self.capacity is not None and self.capacity < self.seats_taken:
            errors["capacity"] = _("Kapasitas tidak boleh lebih kecil dari jumlah peserta terdaftar (%(n)s).") % {
                "n": self.seats_taken
            }
        if errors:
            raise ValidationError(errors)

    @property
    def is_workshop(self):
        return self.kind == self.Kind.WORKSHOP

    @property
    def facilitator_list(self):
        return _lines(self.facilitators)

    @property
    def output_list(self):
        return _lines(self.expected_outputs)

    @property
    def seats_left(self):
        return max(0, self.capacity - self.seats_taken)

    def enrolment_open(self, now):
        return rules.window_open(self.enrol_opens_at, self.enrol_closes_at, now)


def _lines(text):
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


def material_path(instance, filename):
    """An unguessable name: materials are served only through the view that checks who may see the session."""
    return f"kompetensi/materi/{uuid.uuid4().hex}{Path(filename).suffix.lower()[:10]}"


class SessionMaterial(models.Model):
    """A material of a session (mostly of workshops): an uploaded file or a link."""

    session = models.ForeignKey(
        TrainingSession, verbose_name=_("angkatan"), on_delete=models.CASCADE, related_name="materials"
    )
    title = models.CharField(_("judul materi"), max_length=200)
    file = models.FileField(_("berkas"), upload_to=material_path, storage=private_storage, blank=True, max_length=200)
    link = models.URLField(_("tautan"), blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("materi angkatan")
        verbose_name_plural = _("materi angkatan")
        ordering = ["added_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(~models.Q(file="") & models.Q(link="")) | (models.Q(file="") & ~models.Q(link="")),
                name="session_material_file_or_link",
            )
        ]

    def __str__(self):
        return self.title


class Enrolment(models.Model):
    class Status(models.TextChoices):
        REQUESTED = rules.REQUESTED, _("Diajukan")
        PENDING_APPROVAL = rules.PENDING_APPROVAL, _("Menunggu persetujuan atasan")
        CONFIRMED = rules.CONFIRMED, _("Terdaftar")
        WAITLISTED = rules.WAITLISTED, _("Daftar tunggu")
        ATTENDED = rules.ATTENDED, _("Hadir")
        COMPLETED = rules.COMPLETED, _("Lulus")
        NOT_COMPLETED = rules.NOT_COMPLETED, _("Tidak lulus")
        CANCELLED = rules.CANCELLED, _("Dibatalkan")
        REJECTED = rules.REJECTED, _("Ditolak")

    session = models.ForeignKey(
        TrainingSession, verbose_name=_("angkatan"), on_delete=models.CASCADE, related_name="enrolments"
    )
    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="enrolments"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED)
    requested_at = models.DateTimeField(_("diajukan"), auto_now_add=True)
    # when the current status began: orders the waitlist (first in, first promoted)
    status_changed_at = models.DateTimeField(_("status berubah"), auto_now_add=True)
    score = models.DecimalField(
        _("nilai"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    note = models.CharField(_("alasan pengajuan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("pendaftaran")
        verbose_name_plural = _("pendaftaran")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "pegawai"],
                condition=~models.Q(status__in=rules.CLOSED_STATES),
                name="enrolment_one_active_per_session",
            ),
        ]
        indexes = [
            models.Index(fields=["session", "status", "status_changed_at"]),
            models.Index(fields=["pegawai", "status"]),
            # the approvals badge on every page of HR counts the requests of a whole instansi: starting from the
            # few pending ones instead of probing each of its employees' enrolments
            models.Index(
                fields=["pegawai"], condition=models.Q(status=rules.PENDING_APPROVAL), name="enrolment_pending_approval"
            ),
        ]

    def __str__(self):
        return f"{self.pegawai} — {self.session}"

    @property
    def holds_seat(self):
        return self.status in rules.SEAT_STATES

    @property
    def is_active(self):
        return self.status not in rules.CLOSED_STATES

    @property
    def can_cancel(self):
        return rules.CANCELLED in rules.ENROLMENT_TRANSITIONS.get(self.status, ())


class EnrolmentTransition(TransitionRecord):
    """One step of an enrolment's history: who moved it, when, and why."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("dari"), max_length=20, blank=True)
    to_status = models.CharField(_("ke"), max_length=20, choices=Enrolment.Status.choices)

    class Meta(TransitionRecord.Meta):
        verbose_name = _("riwayat pendaftaran")
        verbose_name_plural = _("riwayat pendaftaran")


class Attendance(models.Model):
    class Method(models.TextChoices):
        ORGANISER = "organiser", _("Dicatat penyelenggara")
        QR = "qr", _("Pindai kode QR")

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance")
    day = models.DateField(_("tanggal"))
    present = models.BooleanField(_("hadir"), default=True)
    method = models.CharField(_("cara"), max_length=10, choices=Method.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("presensi")
        verbose_name_plural = _("presensi")
        constraints = [models.UniqueConstraint(fields=["enrolment", "day"], name="attendance_once_per_day")]

    def __str__(self):
        return f"{self.enrolment_id} {self.day}"


def _certificate_code():
    return rules.new_certificate_code()


class Certificate(models.Model):
    enrolment = models.OneToOneField(Enrolment, on_delete=models.CASCADE, related_name="certificate")
    code = models.CharField(_("kode verifikasi"), max_length=20, unique=True, default=_certificate_code)
    issued_at = models.DateTimeField(_("diterbitkan"), auto_now_add=True)
    valid_until = models.DateField(_("berlaku sampai"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)
    revoked_reason = models.CharField(_("alasan pencabutan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("sertifikat")
        verbose_name_plural = _("sertifikat")

    def __str__(self):
        return self.code


class EvaluationResponse(models.Model):
    """A participant's evaluation of a session: a 1-5 rating per question (question id -> rating)."""

    enrolment = models.OneToOneField(Enrolment, on_delete=models.CASCADE, related_name="evaluation")
    answers = models.JSONField(_("jawaban"), default=dict)
    comment = models.TextField(_("saran dan komentar"), blank=True, max_length=2000)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evaluasi peserta")
        verbose_name_plural = _("evaluasi peserta")


class CalendarFeed(models.Model):
    """The secret address of a user's personal calendar feed (calendar apps cannot log in)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_calendar")
    token = models.CharField(max_length=64, unique=True, default=_token)

    class Meta:
        verbose_name = _("umpan kalender")
