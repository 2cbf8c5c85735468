"""“Apakah maksud Anda …?” for a mistyped search: each word of the query that no title knows is replaced by the
closest word of a vocabulary (difflib, so it works the same on SQLite and PostgreSQL). The vocabulary is built from
titles the user may see (home.queries.search builds and caches it), so a suggestion never reveals a word of a page
the user may not view."""

import difflib
from dataclasses import dataclass

from .stemming import WORD, stem_word

# a typo against zero results may be a bit further away than one against a query that found something
CUTOFF_NO_RESULTS = 0.75
CUTOFF_WITH_RESULTS = 0.85


@dataclass(frozen=True)
class Vocabulary:
    words: tuple  # sorted, lower case
    stems: frozenset  # the words and their stems

    def knows(self, word):
        word = word.lower()
        return word in self.stems or stem_word(word) in self.stems


def build_vocabulary(titles):
    words = set()
    for title in titles:
        words.update(word.lower() for word in WORD.findall(title or "") if len(word) > 2 and not word.isdigit())
    return Vocabulary(words=tuple(sorted(words)), stems=frozenset({*words, *(stem_word(word) for word in words)}))


def suggest(query, vocabulary, *, found=0):
    """The query with its unknown words corrected, or None when no word needs (or has) a correction."""
    cutoff = CUTOFF_WITH_RESULTS if found else CUTOFF_NO_RESULTS
    changed = False
    out = []
    for word in WORD.findall(query or ""):
        lower = word.lower()
        if len(lower) > 2 and not lower.isdigit() and not vocabulary.knows(lower):
            match = difflib.get_close_matches(lower, vocabulary.words, n=1, cutoff=cutoff)
            if match:
                out.append(match[0])
                changed = True
                continue
        out.append(lower)
    return " ".join(out) if changed else None
