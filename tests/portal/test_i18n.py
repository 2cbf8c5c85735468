"""The English interface: the header's language switch turns the pages English, Indonesian stays the default, and the
English catalogue has a translation for every string (and is compiled), so a string added without one is noticed."""

import gettext as gettext_module
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.commands import makemessages
from django.urls import reverse

from home.demo import ensure_home_page

EN_DIR = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PO_FILE = EN_DIR / "django.po"
MO_FILE = EN_DIR / "django.mo"
# the same folders as the documented makemessages command (README / locale workflow)
MAKEMESSAGES_IGNORE = [".venv", "tests", "bench", "staticfiles", "media"]


def _unquote(line):
    return line[line.index('"') + 1 : line.rindex('"')].encode("raw_unicode_escape").decode("unicode_escape")


def parse_po(path):
    """Entries of a .po file as dicts {msgctxt, msgid, msgid_plural, msgstr: [...], flags}; enough for
    makemessages output (no obsolete entries)."""
    entries, current, field = [], None, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if current and current.get("msgid") is not None:
                entries.append(current)
            current, field = None, None
            continue
        current = current or {"msgctxt": None, "msgid": None, "msgid_plural": None, "msgstr": [], "flags": ""}
        if line.startswith("#,"):
            current["flags"] += line[2:]
        elif line.startswith("#"):
            continue
        elif line.startswith("msgstr"):
            current["msgstr"].append(_unquote(line))
            field = "msgstr"
        elif line.startswith(("msgctxt", "msgid_plural", "msgid")):
            field = line.split()[0]
            current[field] = _unquote(line)
        elif line.startswith('"'):
            if field == "msgstr":
                current["msgstr"][-1] += _unquote(line)
            else:
                current[field] += _unquote(line)
    return entries


def catalogue():
    return [e for e in parse_po(PO_FILE) if e["msgid"]]  # the header has an empty msgid


@pytest.fixture
def home(org):
    return ensure_home_page(org.gorontalo)


def _switch_to_english(client, next_url):
    response = client.post(reverse("set_language"), {"language": "en", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == next_url
    return response


def test_interface_is_indonesian_by_default(home, org, login):
    client = login(org.pegawai)
    page = client.get("/", follow=True).content.decode()
    assert '<html lang="id">' in page
    assert "Beranda" in page and "Selamat datang, Siti Pegawai" in page
    assert ">Beranda</a>" in page and ">Pelatihan saya</a>" in page
    assert ">Home</a>" not in page

    listing = client.get(reverse("employee_list")).content.decode()
    assert "Direktori pegawai" in listing and "Unit kerja" in listing


def test_language_switch_turns_home_page_and_employee_list_english(home, org, login):
    client = login(org.pegawai)
    _switch_to_english(client, reverse("employee_list"))

    listing = client.get(reverse("employee_list")).content.decode()
    assert '<html lang="en">' in listing
    assert ">Home</a>" in listing and ">My training</a>" in listing  # main navigation
    assert "Employee directory" in listing and "Work unit" in listing and "Rank" in listing
    assert "Beranda" not in listing and "Direktori pegawai" not in listing
    assert "My profile" in listing and "Log out" in listing  # user menu

    page = client.get("/", follow=True).content.decode()
    assert page.count(">Home</a>") == 1 and ">My training</a>" in page
    assert "Welcome, Siti Pegawai" in page
    assert "Selamat datang, " not in page  # the instansi's own welcome text is content and stays Indonesian


def test_language_switch_back_to_indonesian(home, org, login):
    client = login(org.pegawai)
    _switch_to_english(client, "/")
    client.post(reverse("set_language"), {"language": "id", "next": "/"})
    page = client.get(reverse("employee_list")).content.decode()
    assert "Direktori pegawai" in page and "Employee directory" not in page


def test_every_english_msgid_is_translated():
    entries = catalogue()
    assert len(entries) > 500
    untranslated = [e["msgid"] for e in entries if not e["msgstr"] or not all(s.strip() for s in e["msgstr"])]
    assert untranslated == [], "untranslated msgids in locale/en/LC_MESSAGES/django.po"
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert fuzzy == [], "fuzzy translations to check"
    plurals = [e for e in entries if e["msgid_plural"] is not None]
    assert all(len(e["msgstr"]) == 2 for e in plurals), "English has two plural forms"


def test_compiled_catalogue_matches_po_file():
    """The .mo is committed (servers may lack gettext); it must hold what the .po says."""
    with MO_FILE.open("rb") as fh:
        compiled = gettext_module.GNUTranslations(fh)
    stale = []
    for e in catalogue():
        if e["msgid_plural"] is not None:
            got = (
                [compiled.npgettext(e["msgctxt"], e["msgid"], e["msgid_plural"], n) for n in (1, 2)]
                if e["msgctxt"]
                else [compiled.ngettext(e["msgid"], e["msgid_plural"], n) for n in (1, 2)]
            )
            expected = e["msgstr"]
        else:
            got = compiled.pgettext(e["msgctxt"], e["msgid"]) if e["msgctxt"] else compiled.gettext(e["msgid"])
            expected = e["msgstr"][0]
        if got != expected:
            stale.append(e["msgid"])
    assert stale == [], "run `manage.py compilemessages --ignore=.venv` and commit django.mo"


class ScratchMakeMessages(makemessages.Command):
    """makemessages that writes every string into a scratch folder: the stock command would pick up the
    project's locale/ folder while walking the tree and merge into the committed catalogue."""

    scratch = None

    def find_files(self, root):
        files = super().find_files(root)
        for translatable in files:
            translatable.locale_dir = self.scratch
        return files


@pytest.mark.skipif(not shutil.which("xgettext") or not shutil.which("msguniq"), reason="needs GNU gettext")
def test_every_source_string_is_in_the_english_catalogue(tmp_path, settings, monkeypatch):
    """Any msgid missing from the committed catalogue is a string added after the last translation round."""
    monkeypatch.chdir(settings.BASE_DIR)
    settings.LOCALE_PATHS = [str(tmp_path)]
    po_before = PO_FILE.read_bytes()
    command = ScratchMakeMessages()
    command.scratch = str(tmp_path)
    call_command(command, locale=["en"], ignore_patterns=MAKEMESSAGES_IGNORE, verbosity=0)
    assert PO_FILE.read_bytes() == po_before
    fresh = {(e["msgctxt"], e["msgid"]) for e in parse_po(tmp_path / "en" / "LC_MESSAGES" / "django.po")}
    known = {(e["msgctxt"], e["msgid"]) for e in catalogue()}
    missing = sorted(m for c, m in fresh - known if m)
    assert missing == [], "run makemessages -l en, translate the new msgids and compilemessages"
