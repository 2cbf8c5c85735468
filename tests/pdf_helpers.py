"""Reading back what a reportlab PDF printed (with page compression off): the strings of its text operators."""

import re


def pdf_text(content):
    """The strings of every text-showing operator, in drawing order, joined by newlines."""
    strings = re.findall(rb"\(((?:[^()\\]|\\.)*)\) Tj", content)
    return "\n".join(
        re.sub(rb"\\([()\\])", rb"\1", s).decode("latin-1") for s in strings
    )  # reportlab escapes only these three in its standard fonts
