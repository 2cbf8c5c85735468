"""The leader's day: pimpinan.gorontalo sees required reading across the organisation and JP compliance per unit,
follows the panel to the full compliance page, and approves policies from the intranet (preview, approve with
confirmation, request changes with a comment) on a desktop and on a phone."""

import re

from playwright.sync_api import expect


def test_pimpinan_home_at_a_glance(page, login, screenshot):
    page.set_viewport_size({"width": 1366, "height": 900})
    login(page, "pimpinan.gorontalo")
    expect(page.locator(".leader-reading")).to_contain_text("Bacaan wajib di organisasi")
    units = page.locator(".units-panel")
    expect(units).to_contain_text("mencapai target")
    screenshot(page, "leader-1-beranda-pimpinan")
    units.get_by_role("link", name="Lihat kepatuhan JP lengkap").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kepatuhan JP")


def _submit_policy(page, login, title, number):
    """konten.gorontalo drafts a policy in the Wagtail admin and sends it to the Pimpinan. Each journey submits its
    own pages: the server's database is shared by every journey of the session."""
    login(page, "konten.gorontalo")
    page.goto("/admin/pages/")
    page.get_by_role("link", name="Kebijakan & Regulasi", exact=True).first.click()
    index_id = re.search(r"/admin/pages/(\d+)/", page.url).group(1)
    page.goto(f"/admin/pages/add/home/policypage/{index_id}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_regulation_type").select_option("perkada")
    page.locator("#id_number").fill(number)
    page.locator("#id_date_issued").fill("2026-03-02")
    page.locator("#id_summary").fill(f"Ringkasan {title}: jam kerja pegawai pada bulan Ramadan.")
    page.keyboard.press("Escape")  # close the date picker
    page.wait_for_load_state("networkidle")
    with page.expect_navigation():
        page.evaluate("document.querySelector('button[name=action-submit]').click()")
    expect(page.get_by_text("dikirim untuk dimoderasi").first).to_be_visible()
    page.context.clear_cookies()


def test_pimpinan_approves_a_policy_in_the_intranet(page, browser, server, login, screenshot):
    approve, revise = "Pergub Jam Kerja Ramadan 2026", "SE Pakaian Dinas Hari Jumat"
    _submit_policy(page, login, approve, "31 Tahun 2026")
    _submit_policy(page, login, revise, "800/BKD/31/2026")

    login(page, "pimpinan.gorontalo")
    panel = page.locator(".awaiting-approval")
    expect(panel).to_contain_text(approve)
    panel.get_by_role("link", name="Tinjau semua di halaman persetujuan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Menunggu persetujuan Anda")
    item = page.locator(".approval-item", has_text=approve)
    expect(item).to_contain_text("Persetujuan Pimpinan – Pemerintah Provinsi Gorontalo")
    screenshot(page, "leader-2-persetujuan")

    # the submitted revision, read-only, inside the intranet, with the decision above it
    item.get_by_role("link", name="Pratinjau").click()
    expect(page.locator(".approval-bar")).to_contain_text("Pratinjau untuk persetujuan")
    expect(page.get_by_role("heading", level=1)).to_have_text(approve)
    expect(page.locator("main")).to_contain_text("jam kerja pegawai pada bulan Ramadan")
    expect(page.get_by_text("Apakah halaman ini membantu?")).to_have_count(0)
    screenshot(page, "leader-3-pratinjau")
    page.locator(".approval-bar").get_by_role("button", name="Setujui").click()
    dialog = page.locator("dialog.confirm-dialog")
    expect(dialog).to_contain_text(f"Setujui “{approve}”?")
    screenshot(page, "leader-4-konfirmasi-setujui")
    dialog.get_by_role("button", name="Ya, lanjutkan").click()
    expect(page.locator(".messages")).to_contain_text("Halaman disetujui.")
    expect(page.locator(".approval-item", has_text=approve)).to_have_count(0)

    # requesting changes needs a comment, and asks first too
    item = page.locator(".approval-item", has_text=revise)
    item.get_by_text("Minta perubahan", exact=True).click()
    item.get_by_label("Perubahan yang diminta").fill("Cantumkan dasar hukum pakaian dinas.")
    item.get_by_role("button", name="Kirim permintaan perubahan").click()
    page.locator("dialog.confirm-dialog").get_by_role("button", name="Ya, lanjutkan").click()
    expect(page.locator(".messages")).to_contain_text("Permintaan perubahan dikirim kepada pengusul.")
    expect(page.locator(".approval-item", has_text=revise)).to_have_count(0)

    # the approved policy is published for every reader
    page.context.clear_cookies()
    login(page, "pegawai.gorontalo")
    page.goto("/cari/?q=Ramadan")
    expect(page.locator("main")).to_contain_text(approve)


def test_approvals_list_on_a_phone(browser, server, login, screenshot):
    title = "Perkada Layanan Kepegawaian Daring"
    desktop = browser.new_context(base_url=server, locale="id-ID", viewport={"width": 1280, "height": 900})
    desktop.set_default_timeout(15_000)
    _submit_policy(desktop.new_page(), login, title, "32 Tahun 2026")
    desktop.close()
    phone = browser.new_context(base_url=server, locale="id-ID", viewport={"width": 390, "height": 844})
    phone.set_default_timeout(15_000)
    page = phone.new_page()
    login(page, "pimpinan.gorontalo")
    page.goto("/kebijakan/persetujuan/")
    item = page.locator(".approval-item", has_text=title)
    expect(item.get_by_role("button", name="Setujui")).to_be_visible()
    item.get_by_text("Minta perubahan", exact=True).click()
    expect(item.get_by_label("Perubahan yang diminta")).to_be_visible()
    # nothing wider than the phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "leader-5-persetujuan-ponsel")
    phone.close()
