"""What a search result shows of a page: its words that match the query marked with <mark>, in the title and in a
short snippet of the body around the first match. A word matches when it equals a word of the query or shares its
Indonesian stem (portal/stemming.py), the way the search itself matched it: "pelatihan" marks "dilatih".

The text comes from the page's own search fields, read from the page row without a query: a StreamField is walked
in its raw JSON through its block definitions, so a chooser block never loads its image or document.
"""

import html
import re
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from modelsearch import index
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField

from .stemming import WORD, stem_word

# words too common to mark: marking every "dan" hides the words the user was looking for
STOPWORDS = frozenset(
    {"dan", "di", "ke", "dari", "yang", "untuk", "dengan", "pada", "atau", "ini", "itu", "dalam", "oleh", "bagi"}
)
TAG = re.compile(r"<[^>]+>")
SNIPPET_CHARS = 180
SNIPPET_LEAD = 60
# a snippet needs the first match only; a very long page is read this far
SCAN_CHARS = 50_000


@dataclass(frozen=True)
class Terms:
    words: frozenset
    stems: frozenset

    def __bool__(self):
        return bool(self.words)

    def matches(self, word):
        word = word.lower()
        if word in self.words:
            return True
        if word in STOPWORDS:
            return False
        # stemming costs about a millisecond a new word, and a long body has thousands: only a word that holds a
        # query stem can have it, its first letter perhaps dropped by a prefix (menulis: tulis, memukul: pukul)
        if not any(stem in word or stem[1:] in word for stem in self.stems):
            return False
        return stem_word(word) in self.stems


def query_terms(query):
    words = {word.lower() for word in WORD.findall(query or "")} - STOPWORDS
    return Terms(words=frozenset(words), stems=frozenset(stem_word(word) for word in words))


def highlight(text, terms):
    """`text` escaped, its matching words wrapped in <mark>."""
    text = text or ""
    if not terms:
        return escape(text)
    out, last = [], 0
    for match in WORD.finditer(text):
        if terms.matches(match.group()):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # every piece is escaped above


def snippet(text, terms, chars=SNIPPET_CHARS):
    """A window of about `chars` characters of `text` around the first matching word (or its start when no word
    matches), cut at word boundaries, with … where text was left out, escaped and highlighted."""
    text = " ".join((text or "")[:SCAN_CHARS].split())
    if not text:
        return SafeString("")
    first = next((m.start() for m in WORD.finditer(text) if terms and terms.matches(m.group())), None)
    start = 0
    if first is not None and first > SNIPPET_LEAD:
        start = text.find(" ", first - SNIPPET_LEAD, first) + 1 or first - SNIPPET_LEAD
    end = start + chars
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > (first or start) else end
    else:
        end = len(text)
    window = text[start:end].lstrip(" ,.;:")
    body = highlight(window.rstrip(" ,;:") if end < len(text) else window, terms)
    return mark_safe(("… " if start else "") + body + (" …" if end < len(text) else ""))  # `body` is escaped


def _plain(markup):
    return html.unescape(TAG.sub(" ", markup or ""))


def _block_text(block, raw):
    """The words a reader sees in one block's raw (JSON) value."""
    if raw in (None, "", [], {}):
        return
    if isinstance(block, blocks.StreamBlock):
        for child in raw:
            child_block = block.child_blocks.get(child.get("type")) if isinstance(child, dict) else None
            if child_block is not None:
                yield from _block_text(child_block, child.get("value"))
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _block_text(child_block, raw.get(name) if isinstance(raw, dict) else None)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            # the list's items are {"type": "item", "value": ..., "id": ...} since Wagtail 2.16, bare values before
            value = item.get("value") if isinstance(item, dict) and item.get("type") == "item" else item
            yield from _block_text(block.child_block, value)
    elif isinstance(block, blocks.RichTextBlock):
        yield _plain(raw)
    elif isinstance(block, (blocks.ChooserBlock, blocks.ChoiceBlock, blocks.URLBlock, blocks.RawHTMLBlock)):
        return
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        yield str(raw)
    elif isinstance(raw, dict) and isinstance(raw.get("data"), list):  # TableBlock
        yield from (str(cell) for row in raw["data"] if isinstance(row, list) for cell in row if cell)
        if raw.get("table_caption"):
            yield str(raw["table_caption"])


def searchable_text(page):
    """The body text of a page as plain text: the fields its class names in `search_snippet_fields`, or else its
    search fields other than the title, in their declared order."""
    names = getattr(page, "search_snippet_fields", None) or [
        field.field_name
        for field in page.get_search_fields()
        if isinstance(field, index.SearchField) and field.field_name != "title"
    ]
    parts = []
    for name in names:
        try:
            model_field = page._meta.get_field(name)
        except FieldDoesNotExist:
            model_field = None
        value = getattr(page, name, None)
        if isinstance(model_field, StreamField):
            raw = getattr(value, "raw_data", None)
            parts.extend(_block_text(model_field.stream_block, list(raw) if raw is not None else []))
        elif isinstance(model_field, RichTextField):
            parts.append(_plain(value))
        elif isinstance(value, str):
            parts.append(value)
    return "\n".join(part for part in parts if part and part.strip())
