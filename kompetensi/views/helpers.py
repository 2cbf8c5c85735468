"""The page helpers live in the platform (`portal.page_helpers`); the training views import them from here."""

from portal.page_helpers import PAGE_SIZE, error_text, paginate, query_string_without_page, redirect_back

__all__ = ["PAGE_SIZE", "error_text", "paginate", "query_string_without_page", "redirect_back"]
