"""Site search: the results the user may see, each with its type label, its title and a snippet with the matching
words marked; the number of results of each registered type for the filter chips; and “Apakah maksud Anda …?” from
the words of the titles the user may see.

The cost does not grow with the results: one query for the counts per type (a facet on the content type), one for
the count and one for the page of results, one per page type on that page for the specific pages (their text is read
from their own row, portal/search_text.py), and the vocabulary from the cache.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from uuid import uuid4

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from wagtail.models import Page

from portal.search_suggest import Vocabulary, build_vocabulary, suggest
from portal.search_text import highlight, query_terms, searchable_text, snippet
from portal.search_types import search_types

from ..models import filter_visible
from ..models.privacy import privacy_context

PER_PAGE = 20
VOCABULARY_VERSION = "search-vocabulary-version"
# publishing, unpublishing, moving and view restrictions bump the version (home/signals.py); the timeout only bounds
# what a cache holds for scopes nobody searches any more
VOCABULARY_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Result:
    page: Page  # the specific page
    type_label: str
    title: SafeString
    snippet: SafeString


@dataclass(frozen=True)
class TypeChip:
    key: str  # "" for every type
    label: str
    count: int
    active: bool
    query_string: str


@dataclass
class SearchOutcome:
    query: str
    kind: str
    results: PaginatorPage  # of Result
    total: int  # of every type, whatever the chosen type
    chips: list[TypeChip] = field(default_factory=list)
    promoted: list = field(default_factory=list)
    suggestion: str | None = None

    @property
    def kind_label(self):
        return next((chip.label for chip in self.chips if chip.key == self.kind and chip.key), "")

    @property
    def all_types_query_string(self):
        return _query_string(self.query)

    @property
    def suggestion_query_string(self):
        # a corrected word may be found in another type: the suggestion searches every type
        return _query_string(self.suggestion) if self.suggestion else ""


def _query_string(query, kind=""):
    return urlencode({"q": query, "jenis": kind} if kind else {"q": query})


def _searchable(user, model=Page):
    visible_ids = filter_visible(Page.objects.live(), user).values("pk")
    queryset = model.objects.live().filter(pk__in=visible_ids)
    if model is Page:
        # only the intranet's readable page types, not index or home pages
        queryset = queryset.type(*(entry.model for entry in search_types))
    return queryset


def _type_keys():
    """content type id -> registered search type key, the registered models' subclasses included."""
    entries = search_types.entries()
    types = ContentType.objects.get_for_models(*(entry.value.model for entry in entries))
    keys = {types[entry.value.model].pk: entry.key for entry in entries}
    return keys, entries


def _key_of(content_type_id, keys, entries):
    if content_type_id in keys:
        return keys[content_type_id]
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return next((entry.key for entry in entries if model and issubclass(model, entry.value.model)), None)


def _results(pages, terms, keys, entries):
    """The page of search hits as Results, with one query per page type for the specific pages."""
    ids_by_model = defaultdict(list)
    for page in pages:
        ids_by_model[page.specific_class or Page].append(page.pk)
    specific = {}
    for model, ids in ids_by_model.items():
        specific.update({obj.pk: obj for obj in model.objects.filter(pk__in=ids)})
    labels = {entry.key: entry.value.label for entry in entries}
    results = []
    for page in pages:
        obj = specific.get(page.pk, page)
        key = _key_of(page.content_type_id, keys, entries)
        label = labels.get(key) or obj.get_verbose_name()
        results.append(Result(obj, str(label), highlight(obj.title, terms), snippet(searchable_text(obj), terms)))
    return results


def search(user, query, kind="", page_number=None):
    """Privacy-aware full-text search of the registered page types, narrowed to the type `kind` when given."""
    from wagtail.contrib.search_promotions.models import Query

    terms = query_terms(query)
    everything = _searchable(user).search(query, operator="and")
    keys, entries = _type_keys()
    counts = defaultdict(int)
    for content_type_id, count in everything.facet("content_type_id").items():
        key = _key_of(content_type_id, keys, entries)
        if key:
            counts[key] += count
    total = sum(counts.values())
    chosen = search_types.get(kind) if kind else None
    if chosen is None:
        kind = ""
    results = _searchable(user, chosen.model).search(query, operator="and") if chosen else everything
    items = Paginator(results, PER_PAGE).get_page(page_number)
    items.object_list = _results(list(items.object_list), terms, keys, entries)

    chips = [TypeChip("", "", total, not kind, _query_string(query))]  # the template names the chip "Semua"
    chips += [
        TypeChip(
            entry.key, str(entry.value.label), counts[entry.key], entry.key == kind, _query_string(query, entry.key)
        )
        for entry in entries
        if counts[entry.key] or entry.key == kind
    ]

    picks = list(Query.get(query).editors_picks.select_related("page"))
    allowed = set(
        filter_visible(Page.objects.live(), user).filter(pk__in=[p.page_id for p in picks]).values_list("pk", flat=True)
    )
    promoted = [pick for pick in picks if pick.page_id in allowed]
    suggestion = suggest(query, title_vocabulary(user), found=total + len(promoted))
    return SearchOutcome(
        query=query, kind=kind, results=items, total=total, chips=chips, promoted=promoted, suggestion=suggestion
    )


def _vocabulary_version():
    version = cache.get(VOCABULARY_VERSION)
    if version is None:
        cache.add(VOCABULARY_VERSION, uuid4().hex, None)
        version = cache.get(VOCABULARY_VERSION)
    return version


def forget_vocabularies():
    """Every cached vocabulary is stale: a page was published, unpublished, moved or deleted, or a restriction
    changed."""
    cache.set(VOCABULARY_VERSION, uuid4().hex, None)


def _scope(user):
    """Users with the same privacy context see the same pages, so they share one vocabulary."""
    if getattr(user, "is_superuser", False):
        return "all"
    return hashlib.sha256(repr(privacy_context(user)).encode()).hexdigest()[:32]


def title_vocabulary(user) -> Vocabulary:
    """The words of the titles of the searchable pages `user` may see, cached per language and privacy scope."""
    key = f"search-vocabulary:{get_language()}:{_vocabulary_version()}:{_scope(user)}"
    vocabulary = cache.get(key)
    if vocabulary is None:
        vocabulary = build_vocabulary(_searchable(user).values_list("title", flat=True).iterator())
        cache.set(key, vocabulary, VOCABULARY_SECONDS)
    return vocabulary
