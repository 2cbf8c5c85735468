"""Context of the intranet's pages: required reading and index listings (registered in `registrations.py`)."""

from portal.page_context import register_page_context

from .forms import AcknowledgeForm
from .models.pages import ListingIndexPage, RequiredReadingMixin
from .queries import index_listing, reading_state


@register_page_context(RequiredReadingMixin)
def reading_context(page, request):
    reading = reading_state(page, request.user)
    return {"reading": reading, "acknowledge_form": AcknowledgeForm(page=page) if reading else None}


@register_page_context(ListingIndexPage)
def listing_context(page, request):
    return index_listing(page, request)
