"""What a notification says, by kind: each module registers the wording of its kinds (translatable templates filled
from the notification's `params`), so the text follows the reader's language, not the sender's; and, where the
object can be dealt with elsewhere, how to tell that it needs no action any more (an approval already decided)."""

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .registry import Registry


@dataclass(frozen=True)
class NotificationKind:
    title: str
    body: str = ""
    # (notifications of this kind) -> ids of those whose object needs no action any more; one query for a page
    settled: Callable | None = None
    settled_text: str = _("Sudah ditangani: tidak ada lagi yang perlu Anda lakukan.")


notification_kinds = Registry("notification kinds")
PLACEHOLDER = re.compile(r"%\((\w+)\)")


def register_notification_kind(key, title, body="", settled=None, settled_text=None):
    extra = {"settled_text": settled_text} if settled_text else {}
    notification_kinds.add(key, NotificationKind(title=title, body=body, settled=settled, **extra))


def _fill(template, params):
    try:
        return str(template) % params if template else ""
    except (KeyError, TypeError, ValueError):
        return None


def render(kind_key, params):
    """(title, body) of a kind in the active language, or None when the kind or a parameter is unknown."""
    kind = notification_kinds.get(kind_key)
    if kind is None:
        return None
    title, body = _fill(kind.title, params), _fill(kind.body, params)
    # a body about a value that was not given ("Alasan: ") says nothing rather than something half-empty
    if any(params.get(name) in ("", None) for name in PLACEHOLDER.findall(str(kind.body))):
        body = ""
    if title is None or body is None:
        return None
    details = params.get("details", "")
    return title, "\n\n".join(part for part in [body, details] if part)


def prepare(notifications):
    """Give each notification `display_title`, `display_body`, `settled` (None or the text saying it needs no action
    any more) and `day` for the list: one query per kind that can settle, whatever the number of rows."""
    notifications = list(notifications)
    by_kind = defaultdict(list)
    for n in notifications:
        rendered = render(n.kind, n.params or {}) if n.params else None
        n.display_title, n.display_body = rendered or (n.title, n.body)
        n.settled = None
        by_kind[n.kind].append(n)
    for key, group in by_kind.items():
        kind = notification_kinds.get(key)
        if kind is None or kind.settled is None:
            continue
        done = kind.settled([n for n in group if n.params])
        for n in group:
            if n.pk in done:
                n.settled = kind.settled_text
    return notifications


def day_label(moment, today=None):
    """'Hari ini', 'Kemarin' or the date, in the viewer's time zone, for grouping a list by day."""
    from django.utils.formats import date_format

    day = timezone.localtime(moment).date()
    today = today or timezone.localdate()
    if day == today:
        return str(_("Hari ini"))
    if day == today - timedelta(days=1):
        return str(_("Kemarin"))
    return date_format(day, "l, j F Y")


def ids_where(notifications, param, settled_values):
    """Helper for `settled` functions: ids of notifications whose params[param] is in settled_values."""
    return {n.pk for n in notifications if n.params.get(param) in settled_values}
