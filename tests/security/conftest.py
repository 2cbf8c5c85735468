"""The intranet of tests/home (two instansi homes with their index pages) for the cross-instansi tests."""

from tests.home.conftest import intranet  # noqa: F401
