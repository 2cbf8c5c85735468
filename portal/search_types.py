"""What the site search covers: each module registers the page types it makes searchable, with the label of the
type filter. Results are filtered by the same privacy rules as every listing (home's `filter_visible`)."""

from dataclasses import dataclass

from .registry import Registry


@dataclass(frozen=True)
class SearchType:
    model: type
    label: str


search_types = Registry("search types")


def register_search_type(key, model, label, order=100):
    search_types.add(key, SearchType(model=model, label=label), order=order)
