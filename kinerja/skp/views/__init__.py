"""Thin views of SKP: parse input, call a query or a service, render. One module per audience."""

from .employee import (
    details,
    iki_create,
    iki_delete,
    iki_edit,
    my_skp,
    revise,
    rhk_create,
    rhk_delete,
    rhk_edit,
    skp_detail,
    start,
    submit,
)
from .evaluator import decide, expectations, queue
from .hr import acting, data_health, periods

__all__ = [
    "acting", "data_health", "decide", "details", "expectations", "iki_create", "iki_delete", "iki_edit", "my_skp", "periods",
    "queue", "revise", "rhk_create", "rhk_delete", "rhk_edit", "skp_detail", "start", "submit",
]  # fmt: skip
