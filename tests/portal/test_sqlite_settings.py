"""SQLite, the embedded default, is set up for one person with several tabs open: WAL journal, IMMEDIATE transactions
and a 20 s busy timeout, so two requests writing at once wait for each other instead of one failing with "database is
locked" (a 500).

Under pytest-django the SQLite test database is in memory, where WAL does not exist (an in-memory database reports
journal mode "memory") and two connections cannot write to one file. So the behaviour is tested on a temporary file
database opened through Django's own SQLite backend with the settings that portal.settings.base builds
(``database_settings``), and the live test connection is checked for what it can show: the transaction mode and the
busy timeout.
"""

import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import OperationalError, connection, connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

from portal.settings.base import SQLITE_OPTIONS, database_settings

ALIAS = "lentera_sqlite_file_check"


def test_sqlite_urls_get_wal_immediate_and_timeout():
    database = database_settings("sqlite:///db.sqlite3", conn_max_age=60)

    options = database["OPTIONS"]
    assert "PRAGMA journal_mode=WAL" in options["init_command"]
    assert "PRAGMA synchronous=NORMAL" in options["init_command"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] == 20


def test_other_databases_are_left_alone():
    database = database_settings("postgres://lentera@127.0.0.1:5432/lentera", conn_max_age=60)

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert not set(database.get("OPTIONS", {})) & set(SQLITE_OPTIONS)


@pytest.mark.django_db
def test_the_configured_sqlite_connection_uses_the_options():
    if connection.vendor != "sqlite":
        pytest.skip("DATABASE_URL is not SQLite (e.g. PostgreSQL in CI): the SQLite options do not apply")

    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert connection.transaction_mode == "IMMEDIATE"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 20_000
        cursor.execute("PRAGMA journal_mode")
        journal_mode = cursor.fetchone()[0]
    # the test database is in memory (no WAL there); a file database, as under `make run`, is in WAL
    assert journal_mode == ("memory" if connection.is_in_memory_db() else "wal")


def file_connection(path, **options):
    """A Django SQLite connection to the file at ``path`` with the settings the settings module builds."""
    database = database_settings(f"sqlite:///{path}", conn_max_age=0)
    database["OPTIONS"].update(options)
    # configure_settings fills the keys Django adds to every DATABASES entry (TIME_ZONE, TEST, ...)
    return DatabaseWrapper(connections.configure_settings({"default": database})["default"], alias=ALIAS)


def in_thread(function, *args):
    """Run Django database work in a thread of its own: the browser journeys' Playwright keeps an event loop
    running in the main thread for the whole session, and Django refuses synchronous database calls there."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args).result()


def _create_table(path):
    setup = file_connection(path)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, writer TEXT NOT NULL)")
    setup.close()


@pytest.fixture
def file_database(tmp_path, django_db_blocker):
    path = tmp_path / "lentera.sqlite3"
    with django_db_blocker.unblock():
        in_thread(_create_table, path)
        yield path


def _pragmas(path):
    conn = file_connection(path)
    try:
        with conn.cursor() as cursor:
            values = {}
            for name in ("journal_mode", "busy_timeout", "synchronous"):
                cursor.execute(f"PRAGMA {name}")
                values[name] = cursor.fetchone()[0]
        return values, conn.transaction_mode
    finally:
        conn.close()


def test_a_file_database_is_in_wal_with_a_busy_timeout(file_database):
    pragmas, transaction_mode = in_thread(_pragmas, file_database)
    assert pragmas == {"journal_mode": "wal", "busy_timeout": 20_000, "synchronous": 1}  # 1 is NORMAL
    assert transaction_mode == "IMMEDIATE"


def write_at_once(path, **options):
    """Two threads, each with its own connection, start a transaction at the same moment that reads, takes a while,
    then writes (what a request does). Returns the errors raised."""
    start = threading.Barrier(2)
    errors = []

    def writer(name):
        conn = file_connection(path, **options)
        connections[ALIAS] = conn  # this thread's connection for transaction.atomic(using=ALIAS)
        try:
            start.wait()
            with transaction.atomic(using=ALIAS), conn.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM entry")
                time.sleep(0.3)  # both have read before either writes
                cursor.execute("INSERT INTO entry (writer) VALUES (%s)", [name])
        except Exception as error:
            errors.append(error)
        finally:
            conn.close()
            del connections[ALIAS]

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("tab-1", "tab-2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_two_writers_at_once_both_succeed(file_database):
    errors = write_at_once(file_database)

    assert errors == []
    with sqlite3.connect(file_database) as check:
        assert sorted(row[0] for row in check.execute("SELECT writer FROM entry")) == ["tab-1", "tab-2"]


def test_without_immediate_transactions_one_writer_fails(file_database):
    """The failure the settings prevent, so the test above is known to catch it: a deferred transaction that read
    before the other writer committed cannot write any more, and SQLite refuses at once, whatever the timeout."""
    errors = write_at_once(file_database, transaction_mode="DEFERRED")

    assert len(errors) == 1
    assert isinstance(errors[0], OperationalError)
    assert "database is locked" in str(errors[0])
