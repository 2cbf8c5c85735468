"""Development plan journey on a phone (390 px): atasan.gorontalo opens Tim saya, follows pegawai.gorontalo's plan
waiting for approval, and approves it with a note; the employee opens their plan and sees it approved, with the
supervisor's step in its history."""

import re

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}


def test_supervisor_approves_a_plan_from_the_team_page_on_a_phone(browser, server, page, login, screenshot):
    page.set_viewport_size(PHONE)
    login(page, "pegawai.gorontalo")
    name = page.locator(".user-menu .user-name").text_content().strip()

    boss = browser.new_context(base_url=server, locale="id-ID", viewport=PHONE).new_page()
    login(boss, "atasan.gorontalo")
    boss.goto("/tim/")
    expect(boss.get_by_role("heading", level=1)).to_have_text("Tim saya")
    row = boss.locator("tr", has_text=name)
    cell = row.get_by_role("link", name="Menunggu persetujuan Anda")
    expect(cell).to_be_visible()
    screenshot(boss, "plan-1-tim-saya-ponsel")
    cell.click()
    expect(boss.get_by_role("heading", level=1)).to_contain_text("Rencana pengembangan kompetensi")
    expect(boss.get_by_test_id("plan-status")).to_have_text("Menunggu persetujuan")
    screenshot(boss, "plan-2-rencana-menunggu")
    assert boss.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    boss.get_by_label("Catatan atau alasan").fill("Setuju, prioritaskan mentoring.")
    boss.get_by_role("button", name="Setujui rencana").click()
    expect(boss.locator(".messages")).to_contain_text("Rencana disetujui")
    # approved, and already under way when an earlier journey enrolled the employee in one of its sessions
    expect(boss.get_by_test_id("plan-status")).to_have_text(re.compile("Disetujui|Berjalan"))
    screenshot(boss, "plan-3-disetujui-atasan")
    boss.context.close()

    mine = page  # the employee, still logged in on their phone
    mine.goto("/kompetensi/rencana/")
    expect(mine.get_by_test_id("plan-status")).to_have_text(re.compile("Disetujui|Berjalan"))
    expect(mine.locator("section", has_text="Riwayat")).to_contain_text("Setuju, prioritaskan mentoring.")
    screenshot(mine, "plan-4-pegawai-melihat-disetujui")
    assert mine.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
