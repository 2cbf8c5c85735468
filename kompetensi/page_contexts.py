"""Context of the catalogue and course pages (registered in `registrations.py`)."""

from portal.page_context import register_page_context

from .models import CoursePage, TrainingCatalogPage
from .views import catalogue_context, course_context


@register_page_context(TrainingCatalogPage)
def catalogue_page_context(page, request):
    return catalogue_context(request, page)


@register_page_context(CoursePage)
def course_page_context(page, request):
    return course_context(request, page)
