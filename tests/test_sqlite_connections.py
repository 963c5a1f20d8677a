"""Embedded mode's SQLite backend (wonder/sqlite): a connection closed clean is kept for the next request."""

from __future__ import annotations

import pytest
from django.db import connection, connections

from wonder.sqlite.base import DatabaseWrapper, pool

pytestmark = pytest.mark.django_db  # pytest-django lets no connection open without it


@pytest.fixture
def database(tmp_path):
    """Wrappers of one file database, as each request thread gets its own; the pool is emptied afterwards."""
    settings = {**connection.settings_dict, "NAME": str(tmp_path / "site.sqlite3")}
    made: list[DatabaseWrapper] = []

    def wrapper() -> DatabaseWrapper:
        made.append(DatabaseWrapper(settings, alias=f"pooled{len(made)}"))
        return made[-1]

    setup = wrapper()
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS note (text TEXT)")
    setup.close()
    yield wrapper
    for kept in pool.idle.pop(settings["NAME"], []):
        kept.close()


def raw(wrapper: DatabaseWrapper):
    wrapper.ensure_connection()
    return wrapper.connection


def test_the_next_request_gets_the_connection_the_last_one_closed(database):
    first = database()
    opened = raw(first)
    first.close()
    second = database()
    assert raw(second) is opened
    with second.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM note")
        assert cursor.fetchone() == (0,)
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone() == (1,)


def test_a_kept_connection_sees_what_others_committed_since(database):
    reader = database()
    with reader.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM note")
    kept = raw(reader)
    reader.close()
    writer = database()
    assert raw(writer) is kept
    other = database()
    with other.cursor() as cursor:  # a second connection of its own: the pool is empty now
        cursor.execute("INSERT INTO note VALUES ('hello')")
    writer.close()
    again = database()
    with again.cursor() as cursor:
        cursor.execute("SELECT text FROM note")
        assert cursor.fetchall() == [("hello",)]


def test_a_connection_closed_in_a_transaction_or_after_an_error_is_not_kept(database):
    in_transaction = database()
    opened = raw(in_transaction)
    opened.execute("BEGIN")
    in_transaction.close()
    failed = database()
    assert raw(failed) is not opened
    failed.errors_occurred = True
    broken = failed.connection
    failed.close()
    assert raw(database()) not in (opened, broken)


def test_the_pool_holds_a_bounded_number(database, monkeypatch):
    monkeypatch.setattr("wonder.sqlite.base.POOL_SIZE", 2)
    wrappers = [database() for _ in range(4)]
    for wrapper in wrappers:
        raw(wrapper)
    for wrapper in wrappers:
        wrapper.close()
    assert len(pool.idle[wrappers[0].settings_dict["NAME"]]) == 2


def test_in_memory_databases_are_never_pooled():
    """Closing one destroys its data, so Django never closes it; nor does the pool take it."""
    memory = DatabaseWrapper({**connection.settings_dict, "NAME": "file:pooltest?mode=memory&cache=shared"}, "memory")
    memory.ensure_connection()
    memory._close()
    assert "file:pooltest?mode=memory&cache=shared" not in pool.idle


def test_embedded_mode_uses_this_backend():
    assert isinstance(connections["default"], DatabaseWrapper)
