"""Competency journeys on a 390 px phone: pegawai.gorontalo opens Kompetensi saya, sees the gaps and the match band
and adds a self-assessment claim (a bad one first: told why, nothing lost); atasan.gorontalo opens the verification
queue from Persetujuan and confirms the level claimed by a completed course, and the employee's level shows it."""

import re

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_employee_sees_gaps_and_claims_then_supervisor_confirms(browser, server, login, screenshot, axe_check, menu):
    # 1. the employee, on their phone, opens Kompetensi saya from the menu
    employee = browser.new_context(base_url=server, locale="id-ID", viewport=PHONE).new_page()
    login(employee, "pegawai.gorontalo")
    name = employee.locator(".user-menu .user-name").text_content().strip()
    menu(employee, "Kompetensi saya", "Pengembangan")
    expect(employee.get_by_role("heading", level=1)).to_have_text("Kompetensi saya")
    expect(employee.get_by_test_id("match-percent")).to_contain_text("%")
    expect(employee.get_by_test_id("match-band").first).to_be_visible()
    rows = employee.get_by_test_id("competency-row")
    # the largest gap first: Komunikasi, two levels short
    expect(rows.first).to_contain_text("M.03 Komunikasi")
    expect(rows.first.get_by_test_id("gap")).to_have_text("kurang 2 level")
    expect(rows.last.get_by_test_id("gap")).to_have_text("memenuhi")
    _fits(employee)
    axe_check(employee, "kompetensi saya @390")
    screenshot(employee, "competency-1-kompetensi-saya")
    rows.nth(1).locator("summary").click()  # the history of a competency
    expect(rows.nth(1).locator(".ledger-list")).to_be_visible()
    screenshot(employee, "competency-2-riwayat")

    # 2. a claim without a competency is refused with the reason and the note kept; then it goes through
    employee.get_by_role("link", name="Tambah klaim kompetensi").click()
    expect(employee.get_by_role("heading", level=1)).to_have_text("Tambah klaim kompetensi")
    employee.get_by_label("Level yang diklaim").select_option(label="Level 4")
    employee.get_by_label("Catatan", exact=True).fill("Memimpin penyusunan kode etik unit")
    employee.get_by_role("button", name="Kirim klaim").click()
    expect(employee.get_by_role("alert").first).to_contain_text("Klaim belum tersimpan")
    expect(employee.get_by_label("Catatan", exact=True)).to_have_value("Memimpin penyusunan kode etik unit")
    _fits(employee)
    screenshot(employee, "competency-3-klaim-ditolak")
    employee.get_by_label(re.compile(r"^Kompetensi")).select_option(label="M.01 Integritas")
    employee.get_by_role("button", name="Kirim klaim").click()
    expect(employee.locator(".messages")).to_contain_text("menunggu verifikasi atasan")
    waiting = employee.get_by_test_id("waiting-claims")
    expect(waiting).to_contain_text("M.01 Integritas")
    expect(waiting).to_contain_text("M.03 Komunikasi")  # the completed course's claim waits too
    screenshot(employee, "competency-4-klaim-menunggu")

    # 3. the supervisor finds the claims behind Persetujuan and confirms the course's level
    supervisor = browser.new_context(base_url=server, locale="id-ID", viewport=PHONE).new_page()
    login(supervisor, "atasan.gorontalo")
    menu(supervisor, "Persetujuan")
    supervisor.get_by_role("link", name="Buka verifikasi kompetensi").click()
    expect(supervisor.get_by_role("heading", level=1)).to_have_text("Verifikasi kompetensi")
    # other journeys may have added their own claims on the same competency: take the completed course's
    claims = supervisor.get_by_test_id("claim").filter(has_text=name).filter(has_text="M.03 Komunikasi")
    expect(claims.filter(has_text="Pelatihan selesai").first).to_be_visible()
    waiting = claims.count()
    claim = claims.filter(has_text="Pelatihan selesai").first
    expect(supervisor.get_by_test_id("claim").filter(has_text=name).filter(has_text="M.01 Integritas")).to_be_visible()
    _fits(supervisor)
    axe_check(supervisor, "verifikasi kompetensi @390")
    screenshot(supervisor, "competency-5-antrean-verifikasi")
    claim.get_by_label("Level yang dikonfirmasi").select_option("2")
    claim.get_by_role("button", name="Konfirmasi").click()
    dialog = supervisor.get_by_role("dialog")
    expect(dialog).to_contain_text("Konfirmasi Komunikasi")
    screenshot(supervisor, "competency-6-dialog-konfirmasi")
    dialog.get_by_role("button", name="Ya, lanjutkan").click()
    expect(supervisor.locator(".messages")).to_contain_text("dikonfirmasi pada level 2")
    expect(claims).not_to_have_count(waiting)
    supervisor.context.close()

    # 4. the employee's confirmed level shows it, and the gap shrinks
    employee.goto("/pelatihan/kompetensi/")
    row = employee.get_by_test_id("competency-row").filter(has_text="M.03 Komunikasi")
    expect(row).to_contain_text("Level 2")
    expect(row.get_by_test_id("gap")).to_have_text("kurang 1 level")
    screenshot(employee, "competency-7-level-terkonfirmasi")
    employee.context.close()
