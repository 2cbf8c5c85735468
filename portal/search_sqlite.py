"""The SQLite side of portal.search_backend: stems appended to the indexed title and body, and the query's words
stemmed the same way."""

from modelsearch.backends.database.sqlite import sqlite as wagtail_sqlite
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk

from .stemming import WORD, stem_word, with_stems


class StemmingSQLiteIndex(wagtail_sqlite.SQLiteIndex):
    def add_items(self, model, objs):
        super().add_items(model, objs)
        # the FTS table follows the entries through the triggers of Wagtail's migration
        ids = [str(obj.pk) for obj in objs]
        if not ids:
            return
        entries = list(
            self.entries.filter(content_type_id=get_content_type_pk(model), object_id__in=ids).only("title", "body")
        )
        for entry in entries:
            entry.title, entry.body = with_stems(entry.title), with_stems(entry.body)
        self.entries.bulk_update(entries, ["title", "body"], batch_size=500)


class StemmingQueryCompiler(wagtail_sqlite.SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            stemmed = " ".join(stem_word(word) for word in WORD.findall(query.query_string))
            query = PlainText(stemmed, operator=query.operator, boost=query.boost)
        return super().build_search_query_content(query, config=config)


class StemmingSQLiteBackend(wagtail_sqlite.SQLiteSearchBackend):
    query_compiler_class = StemmingQueryCompiler
    index_class = StemmingSQLiteIndex
