"""konten.gorontalo creates a policy under Gorontalo's policy index in the Wagtail admin and sends it to the
Pimpinan for approval; pimpinan.gorontalo sees it awaiting review."""

import re

from playwright.sync_api import expect


def test_konten_creates_policy_and_submits_for_approval(page, login, screenshot):
    login(page, "konten.gorontalo")
    page.goto("/admin/pages/")
    # the explorer starts at the instansi's home: the only subtree this editor may work in
    page.get_by_role("link", name="Kebijakan & Regulasi", exact=True).first.click()
    index_id = re.search(r"/admin/pages/(\d+)/", page.url).group(1)
    page.goto(f"/admin/pages/add/home/policypage/{index_id}/")
    page.locator("#id_title").fill("Pergub Uji Alur Persetujuan")
    page.locator("#id_regulation_type").select_option("perkada")
    page.locator("#id_number").fill("77 Tahun 2026")
    page.locator("#id_date_issued").fill("2026-01-05")
    page.locator("#id_summary").fill("Kebijakan uji yang harus disetujui Pimpinan sebelum terbit.")
    page.keyboard.press("Escape")
    screenshot(page, "home-policy-1-edit")
    # the editor's scripts must be ready before the submit, and the POST's answer must be in before moving on
    page.wait_for_load_state("networkidle")
    with page.expect_navigation():
        page.evaluate("document.querySelector('button[name=action-submit]').click()")
    expect(page.get_by_text("dikirim untuk dimoderasi").first).to_be_visible()
    page.get_by_role("link", name="Pergub Uji Alur Persetujuan", exact=True).first.click()
    expect(page.locator("body")).to_contain_text(
        re.compile(r"Persetujuan (Pimpinan|Kebijakan) – Pemerintah Provinsi Gorontalo")
    )
    screenshot(page, "home-policy-2-submitted")

    # another instansi's subtree is out of reach
    response = page.goto("/admin/pages/add/home/policypage/1/")
    assert response.status in (302, 403, 404) or "/admin/" in page.url


def test_pimpinan_sees_policy_awaiting_review(page, login, screenshot):
    login(page, "konten.gorontalo")
    page.goto("/admin/pages/")
    page.get_by_role("link", name="Kebijakan & Regulasi", exact=True).first.click()
    index_id = re.search(r"/admin/pages/(\d+)/", page.url).group(1)
    page.goto(f"/admin/pages/add/home/policypage/{index_id}/")
    page.locator("#id_title").fill("Pergub Menunggu Pimpinan")
    page.locator("#id_regulation_type").select_option("se")
    page.locator("#id_number").fill("800/1/2026")
    page.locator("#id_date_issued").fill("2026-02-01")
    page.keyboard.press("Escape")  # close the date picker
    # the editor's scripts must be ready before the submit, and the POST's answer must be in before moving on
    page.wait_for_load_state("networkidle")
    with page.expect_navigation():
        page.evaluate("document.querySelector('button[name=action-submit]').click()")
    expect(page.get_by_text("dikirim untuk dimoderasi").first).to_be_visible()
    page.context.clear_cookies()
    login(page, "pimpinan.gorontalo")
    page.goto("/admin/")
    page.wait_for_load_state("networkidle")
    screenshot(page, "home-policy-3-pimpinan-dashboard")
    expect(page.locator("body")).to_contain_text("Pergub Menunggu Pimpinan")
    screenshot(page, "home-policy-3-pimpinan-dashboard")
