"""A throwaway PostgreSQL server for the tests: initdb and pg_ctl in a temporary folder.

No running service is assumed.  The server listens on a Unix socket only (the test-wide
network guard allows those) and is stopped and deleted when the session ends.  PostgreSQL
refuses to run as root, so as root it runs as the ``postgres`` user (created by Debian's
package) or, failing that, as ``nobody``.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PG_BIN = Path(os.environ.get("HUIQI_PG_BIN", "/usr/lib/postgresql/15/bin"))
HOW_TO_INSTALL = (f"PostgreSQL server binaries not found in {PG_BIN}: the intake tests on PostgreSQL "
                  "were skipped.  Install them with `apt-get install postgresql` (Debian/Ubuntu; "
                  "PostgreSQL 15) or point HUIQI_PG_BIN at another bin folder.")


def available() -> bool:
    return all((PG_BIN / tool).is_file() for tool in ("initdb", "pg_ctl"))


def _run_as() -> tuple[list[str], int | None, int | None]:
    """The command prefix and uid/gid to run the server as (nothing to change unless root)."""
    if os.geteuid() != 0:
        return [], None, None
    for user in ("postgres", "nobody"):
        try:
            entry = pwd.getpwnam(user)
        except KeyError:
            continue
        return ([shutil.which("setpriv") or "setpriv", f"--reuid={entry.pw_uid}",
                 f"--regid={entry.pw_gid}", "--clear-groups"], entry.pw_uid, entry.pw_gid)
    raise RuntimeError("running as root and no postgres or nobody user to run PostgreSQL as")


@contextmanager
def throwaway_server() -> Iterator[str]:
    """Start a server; yield the SQLAlchemy URL of its ``postgres`` database."""
    prefix, uid, gid = _run_as()
    # A short path: a Unix socket path may not exceed about 100 bytes.
    base = Path(tempfile.mkdtemp(prefix="hq-pg-"))
    try:
        if uid is not None and gid is not None:
            os.chown(base, uid, gid)
        data, log = base / "data", base / "server.log"
        env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
        subprocess.run([*prefix, str(PG_BIN / "initdb"), "-D", str(data), "-U", "desk", "-A", "trust",
                        "-E", "UTF8", "--no-locale"], check=True, capture_output=True, env=env, timeout=120)
        options = f"-c listen_addresses='' -c unix_socket_directories={base} -c fsync=off"
        subprocess.run([*prefix, str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
                        "-w", "-t", "60", "start"], check=True, capture_output=True, env=env, timeout=90)
        try:
            yield f"postgresql+psycopg://desk@/postgres?host={base}"
        finally:
            subprocess.run([*prefix, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w",
                            "stop"], capture_output=True, env=env, timeout=60)
    finally:
        shutil.rmtree(base, ignore_errors=True)
