"""Pure rules of the progress log and bukti dukung (no database)."""

from datetime import date

# how many days of the log the progress page lists at once
RECENT_DAYS = 14


def window_of(day: date, windows):
    """The periodic window (anything with starts_on/ends_on) that `day` falls in, or None."""
    for window in windows:
        if window.starts_on <= day <= window.ends_on:
            return window
    return None


def group_by_day(entries):
    """[(day, [entries])] in the entries' order (newest day first when they come so)."""
    groups = []
    for entry in entries:
        if groups and groups[-1][0] == entry.day:
            groups[-1][1].append(entry)
        else:
            groups.append((entry.day, [entry]))
    return groups
