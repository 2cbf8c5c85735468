"""Indonesian stemming with Sastrawi, for the databases that have none (SQLite; see portal/search_backend.py)."""

import re
from functools import lru_cache

WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=50_000)
def stem_word(word):
    word = word.lower()
    if word.isdigit() or len(word) < 4:
        return word
    return _stemmer().stem(word) or word


def stems(text):
    """The stems of the words of `text`, space-separated, in order (duplicates kept: FTS ranks on frequency)."""
    return " ".join(stem_word(word) for word in WORD.findall(text or ""))


def with_stems(text):
    text = text or ""
    stemmed = stems(text)
    return f"{text}\n{stemmed}" if stemmed else text
