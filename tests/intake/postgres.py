"""A throwaway PostgreSQL server for the tests: initdb and pg_ctl in a temporary folder.

No running service is assumed.  The server listens on a Unix socket only (the test-wide
network guard allows those) and is stopped and deleted when the session ends.  PostgreSQL
refuses to run as root, so as root it runs as the ``postgres`` user (created by Debian's
package) or, failing that, as ``nobody``.

A server never outlives the test run that started it:

- a watchdog process (this file run with ``--watch``) holds the read end of a pipe whose
  write end only the test process has; when the test process ends in any way (finished,
  SIGTERM, SIGKILL, a crash) the pipe reads end-of-file and the watchdog stops the server
  (``pg_ctl -m immediate``) and deletes its folder;
- each folder names its owner (process id and start time, so a reused id is not mistaken for
  it): a run first stops the servers of earlier runs whose owner is gone (in case the
  watchdog was killed too, say with the whole process group).  Servers of runs still going,
  another checkout's included, are left alone; a folder without an owner file (from before
  the watchdog) is deleted only when no server is running in it.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

PG_BIN = Path(os.environ.get("HUIQI_PG_BIN", "/usr/lib/postgresql/15/bin"))
HOW_TO_INSTALL = (f"PostgreSQL server binaries not found in {PG_BIN}: the intake tests on PostgreSQL "
                  "were skipped.  Install them with `apt-get install postgresql` (Debian/Ubuntu; "
                  "PostgreSQL 15) or point HUIQI_PG_BIN at another bin folder.")
PREFIX = "hq-pg-"
# The server asks for a password (SCRAM-SHA-256, as an office's server would), so every test
# logs in the way a desk does; the password needs SASLprep and URL quoting.
PASSWORD = "口令 p@ss:w/rd"
OWNER = "owner"


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


def _env() -> dict[str, str]:
    return {**os.environ, "LC_ALL": "C", "LANG": "C"}


def _start_time(pid: int) -> str | None:
    """The process's start time (clock ticks since boot), or None when there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    return stat[stat.rfind(")") + 2:].split()[19]


def _owner_alive(base: Path) -> bool | None:
    """Whether the run that made ``base`` is still going; None when the folder names no owner."""
    try:
        pid, started = (base / OWNER).read_text(encoding="ascii").split()
    except (OSError, ValueError):
        return None
    return _start_time(int(pid)) == started


def _postmaster_running(data: Path) -> bool:
    try:
        pid = int((data / "postmaster.pid").read_text(encoding="ascii").split()[0])
    except (OSError, ValueError, IndexError):
        return False
    return _start_time(pid) is not None


def stop_server(base: Path) -> None:
    """Stop the server in ``base`` (if one runs) at once, and delete the folder."""
    data = base / "data"
    if (data / "postmaster.pid").exists():
        prefix, _, _ = _run_as()
        subprocess.run([*prefix, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w",
                        "stop"], capture_output=True, env=_env(), timeout=60, check=False)
    shutil.rmtree(base, ignore_errors=True)


def stop_stale(root: Path | None = None) -> list[Path]:
    """Stop and delete the servers earlier runs left behind; return their folders."""
    stopped = []
    for base in sorted(Path(root or tempfile.gettempdir()).glob(PREFIX + "*")):
        if not base.is_dir() or base.is_symlink():
            continue
        alive = _owner_alive(base)
        if alive or (alive is None and _postmaster_running(base / "data")):
            continue
        stop_server(base)
        stopped.append(base)
    return stopped


def _start_watchdog(base: Path) -> int:
    """Start the watchdog of ``base``; return the pipe's write end, to keep open until the end."""
    read_end, write_end = os.pipe()
    try:
        subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--watch", str(base), str(read_end)],
                         pass_fds=(read_end,), start_new_session=True, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        os.close(read_end)
    return write_end


def watch(base: Path, read_end: int) -> None:
    """The watchdog: wait for the test process to go (end-of-file), then stop its server."""
    while os.read(read_end, 4096):
        pass
    stop_server(base)


@contextmanager
def throwaway_server() -> Iterator[str]:
    """Start a server; yield the SQLAlchemy URL of its ``postgres`` database (user ``desk``,
    password :data:`PASSWORD`, the Unix socket in the server's folder)."""
    stop_stale()
    prefix, uid, gid = _run_as()
    # A short path: a Unix socket path may not exceed about 100 bytes.
    base = Path(tempfile.mkdtemp(prefix=PREFIX))
    (base / OWNER).write_text(f"{os.getpid()} {_start_time(os.getpid())}", encoding="ascii")
    guard = _start_watchdog(base)
    try:
        if uid is not None and gid is not None:
            os.chown(base, uid, gid)
        data, log, pwfile = base / "data", base / "server.log", base / "pwfile"
        pwfile.write_text(PASSWORD + "\n", encoding="utf-8")
        if uid is not None and gid is not None:
            os.chown(pwfile, uid, gid)
        subprocess.run([*prefix, str(PG_BIN / "initdb"), "-D", str(data), "-U", "desk",
                        "-A", "scram-sha-256", f"--pwfile={pwfile}", "-E", "UTF8", "--no-locale"],
                       check=True, capture_output=True, env=_env(), timeout=120)
        options = f"-c listen_addresses='' -c unix_socket_directories={base} -c fsync=off"
        subprocess.run([*prefix, str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
                        "-w", "-t", "60", "start"], check=True, capture_output=True, env=_env(), timeout=90)
        yield f"postgresql+pg8000://desk:{quote(PASSWORD, safe='')}@/postgres?unix_sock={base}/.s.PGSQL.5432"
    finally:
        stop_server(base)
        os.close(guard)  # the watchdog finds nothing left and ends


if __name__ == "__main__" and sys.argv[1:2] == ["--watch"]:
    watch(Path(sys.argv[2]), int(sys.argv[3]))
