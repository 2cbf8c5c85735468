"""One exporter for every spreadsheet Lentera writes: a cell that starts like a formula is neutralised."""

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# a phone number or a negative number is not a formula, and must stay readable
HARMLESS = re.compile(r"[+-]?[\d\s().-]*")


def escape_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_START) and not HARMLESS.fullmatch(value):
        return "'" + value
    return value
