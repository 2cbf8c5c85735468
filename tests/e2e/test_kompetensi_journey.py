"""Training journey in Chromium: pegawai.gorontalo finds a course and asks for a seat in a session that needs
approval; atasan.gorontalo approves; pelatihan.gorontalo marks attendance and completion; the employee downloads
the certificate, sees the JP bar move, and the public verification page confirms the certificate."""

import re

from playwright.sync_api import expect

COURSE = "Analisis Data dengan Spreadsheet"
SESSION = "Angkatan Daring (berjalan)"


def _menu(page, label):
    """A main-menu link; one inside a dropdown ("Pengembangan", "Kelola") is reached by opening that dropdown."""
    nav = page.get_by_role("navigation", name="Navigasi utama")
    # a count may follow the label ("Persetujuan 1 menunggu")
    name = re.compile(rf"^{re.escape(label)}(\s+\d+.*)?$")
    link = nav.get_by_role("link", name=name)
    if not link.is_visible():
        nav.locator("details", has=page.get_by_role("link", name=name, include_hidden=True)).first.locator(
            "summary"
        ).click()
    return link


def _jp_total(page):
    return int(page.get_by_test_id("jp-total").inner_text())


def test_enrol_approve_attend_complete_certificate(browser, server, page, login, screenshot):
    # 1. the employee, on their phone, finds the course through the catalogue's search and asks for a seat
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, "pegawai.gorontalo")
    name = page.locator(".user-menu .user-name").text_content().strip()
    page.goto("/pelatihan/saya/")
    jp_before = _jp_total(page)
    page.goto("/pelatihan/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Katalog Pelatihan")
    page.get_by_label("Cari kursus").fill("spreadsheet")
    page.get_by_role("button", name="Terapkan").click()
    expect(page.get_by_role("link", name=COURSE)).to_be_visible()
    screenshot(page, "kompetensi-1-katalog-cari")
    page.get_by_role("link", name=COURSE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(COURSE)
    line = page.locator("li.session-line", has_text=SESSION)
    line.get_by_role("button", name="Ajukan pendaftaran").click()
    expect(page.locator(".messages")).to_contain_text("Permintaan terkirim ke atasan")
    expect(page.locator("li.session-line", has_text=SESSION)).to_contain_text("Menunggu persetujuan atasan")
    screenshot(page, "kompetensi-2-kursus-diajukan")

    # 2. the supervisor approves from the list of their reports' requests
    approver = browser.new_context(base_url=server, locale="id-ID", viewport={"width": 1280, "height": 900}).new_page()
    login(approver, "atasan.gorontalo")
    expect(approver.locator(".bell .badge")).to_be_visible()
    _menu(approver, "Persetujuan").click()
    row = approver.locator("tr", has_text=SESSION).filter(has_text=name)
    expect(row).to_be_visible()
    screenshot(approver, "kompetensi-3-persetujuan-atasan")
    row.get_by_role("button", name="Setujui").click()
    expect(approver.locator(".messages")).to_contain_text("Pendaftaran disetujui")
    approver.context.close()

    # 3. the organiser marks today's attendance and records completion
    organiser = browser.new_context(base_url=server, locale="id-ID", viewport={"width": 1280, "height": 900}).new_page()
    login(organiser, "pelatihan.gorontalo")
    _menu(organiser, "Kelola pelatihan").click()
    organiser.get_by_role("link", name=f"{COURSE} — {SESSION}").click()
    expect(organiser.get_by_role("heading", level=1)).to_contain_text(SESSION)
    organiser.get_by_role("checkbox", name=f"{name} hadir").check()
    organiser.get_by_role("button", name="Simpan presensi").click()
    expect(organiser.locator(".messages")).to_contain_text("Presensi")
    result_row = organiser.locator("#results-form tr", has_text=name)
    result_row.get_by_label(f"Hasil {name}").select_option("lulus")
    result_row.locator("input[name^=nilai]").fill("90")
    organiser.get_by_role("button", name="Simpan hasil").click()
    # passing issues a certificate at once, so the organiser confirms first
    organiser.get_by_role("dialog").get_by_role("button", name="Ya, lanjutkan").click()
    expect(organiser.locator(".messages")).to_contain_text("Hasil tersimpan")
    participant = organiser.locator("#attendance-form tr", has_text=name)
    expect(participant).to_contain_text("Lulus")
    code = participant.locator("code").inner_text().strip()
    assert re.fullmatch(r"LTR-[A-Z0-9]{5}-[A-Z0-9]{5}", code)
    screenshot(organiser, "kompetensi-4-penyelenggara-hasil")
    organiser.context.close()

    # 4. the employee downloads the certificate and sees the JP bar move
    page.goto("/pelatihan/saya/")
    assert _jp_total(page) == jp_before + 12
    row = page.locator("tr", has_text=COURSE).filter(has_text="Lulus")
    with page.expect_download() as download:
        row.get_by_role("link", name="Unduh sertifikat").click()
    path = download.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    assert download.value.suggested_filename == f"sertifikat-{code}.pdf"
    screenshot(page, "kompetensi-5-pelatihan-saya")
    page.goto("/")
    expect(page.get_by_test_id("panel-jp-total")).to_have_text(str(jp_before + 12))
    screenshot(page, "kompetensi-6-dasbor-jp")

    # 5. anyone can verify the certificate without logging in
    public = browser.new_context(base_url=server, locale="id-ID").new_page()
    public.goto(f"/sertifikat/{code}/")
    expect(public.get_by_role("status")).to_contain_text("asli dan berlaku")
    expect(public.locator(".facts")).to_contain_text(name)
    screenshot(public, "kompetensi-7-verifikasi-publik")
    public.goto("/sertifikat/LTR-BUKAN-KODE/")
    expect(public.get_by_role("alert")).to_contain_text("tidak dikenal")
    public.context.close()


def test_catalogue_filters_and_refusal_message(page, login, screenshot):
    login(page, "pegawai.gorontalo")
    page.goto("/pelatihan/")
    page.get_by_label("Bentuk").select_option(label="Pelatihan kepemimpinan")
    page.get_by_role("button", name="Terapkan").click()
    expect(page.get_by_role("link", name="Pelatihan Kepemimpinan Pengawas (PKP)")).to_be_visible()
    expect(page.get_by_role("link", name="Pelayanan Publik Prima", exact=True)).to_have_count(0)
    page.get_by_role("link", name="Pelatihan Kepemimpinan Pengawas (PKP)").click()
    page.locator("li.session-line", has_text="Angkatan II").get_by_role("button").click()
    # the demo employee is an analyst, not a pengawas: refused with the reason, nothing recorded
    expect(page.locator(".messages")).to_contain_text("tidak termasuk sasaran peserta")
    screenshot(page, "kompetensi-8-penolakan-sasaran")


def test_hr_compliance(page, login, screenshot):
    login(page, "sdm.gorontalo")
    _menu(page, "Kepatuhan JP").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kepatuhan JP")
    expect(page.get_by_role("heading", name="Per unit kerja")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Ekspor Excel").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    screenshot(page, "kompetensi-9-kepatuhan-sdm")
