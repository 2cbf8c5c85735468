"""WCAG 2.1 AA on every page a role reaches: axe-core finds no serious or critical violation on a 1280 px desktop
and a 390 px phone (the phone menu opened too), nor in the confirmation dialog; the header works from the keyboard
on a phone with a visible focus. Pages that differ only by an object id are checked once per role."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.crawl import ROLE_PATHS, ROLES, WHOLE_HEADER, reachable_paths, url_pattern

PER_ROLE = 16
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# page shapes already checked by an earlier role: the same template with another role's data adds little but time
CHECKED = set()
# the demo's two instansi serve the same page types under their own site root
SITE_ROOT = re.compile(r"^/(gorontalo|malut)/")


def _shape(path, listings):
    """One shape per template: object ids collapse (`/notifikasi/#/`), the pages under a listing already in the walk
    (`/gorontalo/berita/` and its news items) are one, and both instansi sites are one."""
    shape = url_pattern(path)
    parent = path.rstrip("/").rpartition("/")[0] + "/"
    if shape == path and parent != "/" and parent in listings:
        shape = url_pattern(parent) + "*"
    return SITE_ROOT.sub("/<site>/", shape)


def _check_both_widths(page, path, axe_check, problems):
    page.set_viewport_size(DESKTOP)
    axe_check(page, f"{path} @1280", collect=problems)
    page.set_viewport_size(PHONE)
    axe_check(page, f"{path} @390", collect=problems)
    page.set_viewport_size(DESKTOP)


@pytest.mark.parametrize("role", ROLES)
def test_every_page_a_role_reaches_passes_axe(browser, server, login, axe_check, role):
    """Breadth first from the home page, two links deep (the menu, then what its pages link to), one page per
    shape; the home page for every role (its panels differ by role)."""
    context = browser.new_context(base_url=server, locale="id-ID", viewport=DESKTOP)
    context.set_default_timeout(15_000)
    page = context.new_page()
    login(page, role)
    problems, visited = [], []
    queue, listings = [("/", 0), *((path, 1) for path in ROLE_PATHS.get(role, []))], {"/", *ROLE_PATHS.get(role, [])}
    while queue and len(visited) < PER_ROLE:
        path, depth = queue.pop(0)
        shape = _shape(path, listings)
        if path != "/" and shape in CHECKED:
            continue
        CHECKED.add(shape)
        response = page.goto(path)
        assert response.status < 400, (path, response.status)
        visited.append(path)
        _check_both_widths(page, path, axe_check, problems)
        if depth < 2:
            links = [link for link in reachable_paths(page, WHOLE_HEADER) if link not in listings]
            listings.update(links)
            queue.extend((link, depth + 1) for link in links)
    # the header is the same on every page: its phone menu (and the Kelola group inside) is checked open once
    page.set_viewport_size(PHONE)
    page.goto("/")
    page.get_by_role("button", name="Menu").click()
    manage = page.locator(".nav-kelola summary")
    if manage.count():
        manage.click()
    axe_check(page, "/ @390 menu open", collect=problems)
    context.close()
    print(role, visited)
    assert visited[0] == "/"
    assert not problems, "\n".join(problems)


def test_public_pages_pass_axe(browser, server, axe_check, screenshot):
    context = browser.new_context(base_url=server, locale="id-ID", viewport=DESKTOP)
    page = context.new_page()
    problems = []
    for path in ["/masuk/", "/lupa-sandi/", "/sertifikat/TIDAK-ADA/", "/halaman-yang-tidak-ada/"]:
        page.goto(path)
        _check_both_widths(page, path, axe_check, problems)
    # the focus ring on a white page: amber, 3 px, around the login button reached with Tab
    page.goto("/masuk/")
    page.get_by_label("Kata sandi").focus()
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.type === 'submit'"):
            break
    expect(page.get_by_role("button", name="Masuk")).to_be_focused()
    ring = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert ring == "solid"
    screenshot(page, "a11y-focus-login-button-desktop")
    context.close()
    assert not problems, "\n".join(problems)


def test_confirmation_dialog_is_accessible(page, login, axe_check, screenshot):
    page.set_viewport_size(PHONE)
    login(page, "pegawai.gorontalo")
    page.goto("/pelatihan/")
    page.get_by_role("button", name="Daftar", exact=True).first.click()
    page.goto("/pelatihan/saya/")
    # the enrolments read as cards on a phone: nothing to scroll sideways, so no scroll region to focus
    cards = page.locator("table.reflow").locator("xpath=..")
    assert cards.evaluate("wrap => wrap.scrollWidth <= wrap.clientWidth")
    expect(cards).not_to_have_attribute("role", "region")
    cancel = page.get_by_role("button", name="Batalkan").first
    cancel.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    assert dialog.get_attribute("aria-modal") == "true"
    no = dialog.get_by_role("button", name="Batal")
    expect(no).to_be_focused()
    axe_check(page, "confirmation dialog")
    screenshot(page, "a11y-confirm-dialog-focus-phone")
    # focus stays inside: Tab and Shift+Tab wrap between the two buttons
    for key in ["Tab", "Tab", "Shift+Tab", "Shift+Tab"]:
        page.keyboard.press(key)
        assert page.evaluate("() => document.activeElement.closest('dialog') !== null"), key
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(cancel).to_be_focused()
    # the same from "Batal": nothing sent, focus back on the button that asked
    page.keyboard.press("Enter")
    expect(no).to_be_focused()
    rows = page.get_by_role("button", name="Batalkan").count()
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    expect(cancel).to_be_focused()
    assert page.get_by_role("button", name="Batalkan").count() == rows


def test_phone_header_works_from_the_keyboard(page, login, screenshot):
    page.set_viewport_size(PHONE)
    login(page, "sdm.gorontalo")
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Lompat ke konten utama")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    screenshot(page, "a11y-focus-skip-link-phone")
    toggle = page.get_by_role("button", name="Menu")
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.hasAttribute('data-menu-toggle')"):
            break
    expect(toggle).to_be_focused()
    # a 3 px gold ring: the page's amber one would be faint on the blue header
    ring = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, s.outlineColor] }"
    )
    assert ring == ["solid", "3px", "rgb(251, 191, 36)"], ring
    expect(toggle).to_have_attribute("aria-expanded", "false")
    menu = page.locator("#" + toggle.get_attribute("aria-controls"))
    expect(menu).to_be_hidden()
    screenshot(page, "a11y-focus-menu-toggle-phone")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()
    expect(menu.get_by_role("link", name="Beranda")).to_be_focused()
    page.keyboard.press("Tab")
    screenshot(page, "a11y-focus-menu-open-phone")
    # the Kelola group inside opens with Enter; Escape folds it first, then the menu
    manage = menu.locator(".nav-kelola summary")
    manage.focus()
    page.keyboard.press("Enter")
    expect(menu.get_by_role("link", name="Data pegawai")).to_be_visible()
    page.keyboard.press("Tab")
    expect(menu.get_by_role("link", name="Data pegawai")).to_be_focused()
    screenshot(page, "a11y-focus-kelola-phone")
    page.keyboard.press("Escape")
    expect(menu.get_by_role("link", name="Data pegawai")).to_be_hidden()
    expect(manage).to_be_focused()
    expect(menu).to_be_visible()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    # Space opens it too, and the button closes it again
    page.keyboard.press(" ")
    expect(menu).to_be_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(menu).to_be_hidden()
