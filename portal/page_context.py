"""What a page adds to its template context, registered by the module that owns the reads behind it.

Page models (data) must not import the views, forms and queries that build their context: the module registers a
builder for the page class (or an abstract base it shares with others) from its `registrations.py`, and the base page
asks this registry. Builders of every class in the page's MRO run, the most general first.
"""

from .registry import Registry

page_contexts = Registry("page contexts")


def register_page_context(model):
    """Decorator for a builder (page, request) -> dict, for pages of `model` and its subclasses."""

    def decorator(builder):
        page_contexts.add(f"{model.__module__}.{model.__qualname__}", builder)
        return builder

    return decorator


def page_context(page, request) -> dict:
    context = {}
    for cls in reversed(type(page).__mro__):
        builder = page_contexts.get(f"{cls.__module__}.{cls.__qualname__}")
        if builder is not None:
            context.update(builder(page, request))
    return context
