"""Every page a role reaches from the menu and the home page, on a 390 px phone in Indonesian: nothing overflows the
screen sideways and no English interface words show. The walk follows links as a user would (same site, no
downloads, not the Wagtail admin, which has its own checks)."""

import re

import pytest

from tests.e2e.crawl import ROLE_PATHS, ROLES, reachable_paths

PER_ROLE = 18
ENGLISH = re.compile(
    r"\b(Submit|Save|Cancel|Search|Next|Previous|Forbidden|Not Found|Page not found|Log in|Log out|Password|"
    r"Username|This field is required|Home|Choose|Select|Upload|Download|Delete|Edit|Back|Show more|Loading|"
    r"Welcome|Approve|Reject|Settings|Profile|Notifications|Required reading|Training)\b"
)

CHECK = """() => ({width: document.documentElement.scrollWidth, text: document.body.innerText,
  wide: [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 391
        && getComputedStyle(e).position !== 'fixed' && !e.closest('.table-wrap')).slice(0, 3).map(e => e.outerHTML.slice(0, 120))})"""


@pytest.mark.parametrize("role", ROLES)
def test_pages_fit_a_phone_and_speak_indonesian(browser, server, login, role):
    context = browser.new_context(base_url=server, locale="id-ID", viewport={"width": 390, "height": 844})
    context.set_default_timeout(15_000)
    page = context.new_page()
    login(page, role)
    problems = []
    extra = ROLE_PATHS.get(role, [])
    paths = ["/", *extra, *[p for p in reachable_paths(page) if p != "/" and p not in extra]][:PER_ROLE]
    for path in paths:
        response = page.goto(path)
        if response.status >= 400:
            problems.append((path, f"HTTP {response.status}"))
            continue
        found = page.evaluate(CHECK)
        if found["width"] > 390:
            problems.append((path, f"{found['width']} px wide: {found['wide']}"))
        english = sorted(set(ENGLISH.findall(found["text"])))
        if english:
            problems.append((path, f"English: {english}"))
    context.close()
    assert len(paths) >= 5
    print(role, problems)
    assert problems == []


def test_main_menu_stays_on_one_row_at_1366(browser, server, login, screenshot):
    """Whatever roles someone holds, the desktop menu is one row: the tasks of editors, organisers and HR fold into
    "Kelola"."""
    context = browser.new_context(base_url=server, locale="id-ID", viewport={"width": 1366, "height": 768})
    page = context.new_page()
    rows = {}
    for role in ROLES:
        login(page, role)
        tops = page.eval_on_selector_all(
            ".main-nav > ul > li", "items => items.map(li => Math.round(li.getBoundingClientRect().top))"
        )
        rows[role] = len(set(tops))
        if role == "pimpinan.gorontalo":
            screenshot(page, "layout-menu-1366-pimpinan")
        page.context.clear_cookies()
    context.close()
    assert rows == dict.fromkeys(ROLES, 1)
