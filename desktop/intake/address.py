"""The desk's database address: what the official wrote, made into what the driver takes.

The desk talks to PostgreSQL through pg8000 (pure Python: nothing native in the frozen app).
Addresses written for the earlier driver keep working: ``postgresql://…``,
``postgresql+psycopg://…`` and ``postgresql+psycopg2://…`` become ``postgresql+pg8000://…``
with the same user, password, host, port and database, and the libpq parameters an address
may carry are translated:

- ``host=/socket/dir`` (a Unix socket folder) becomes ``unix_sock=/socket/dir/.s.PGSQL.<port>``;
  ``host=name`` is the server's name; ``port``, ``dbname``, ``user``, ``password`` likewise;
- ``sslmode``: ``disable``, ``allow`` and ``prefer`` (libpq's default) connect without TLS
  (pg8000 does not try TLS first), ``require`` encrypts without checking the certificate
  (unless ``sslrootcert`` is given: then as ``verify-ca``), ``verify-ca`` checks it against
  ``sslrootcert`` (or the system's), ``verify-full`` checks the server's name too;
- without a host, a server on this machine: its Unix socket on Linux, localhost on Windows;
- without a user name, the system user's name; without a password, ``PGPASSWORD`` or the
  pgpass file (``PGPASSFILE``, ``~/.pgpass``, ``%APPDATA%\\postgresql\\pgpass.conf``), as libpq.

Anything else (another driver, several hosts, ``connect_timeout`` and the other libpq options
pg8000 has no counterpart for) is refused, saying what to write instead.
"""

from __future__ import annotations

import getpass
import os
import ssl
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

POSTGRES_DRIVER = "postgresql+pg8000"
EXAMPLE = "postgresql+pg8000://用户名:密码@服务器:5432/数据库"
# Drivers whose addresses mean the same connection as pg8000's (libpq's URI rules).
LIBPQ_DRIVERS = {"", "psycopg", "psycopg2", "pg8000"}
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
# libpq's default socket folders on Linux (Debian's, then the upstream build's).
SOCKET_DIRS = (Path("/var/run/postgresql"), Path("/tmp"))  # noqa: S108 - libpq's, only read
KNOWN_PARAMETERS = ("host", "port", "dbname", "user", "password", "sslmode", "sslrootcert",
                    "application_name", "unix_sock")


class AddressError(ValueError):
    """An address the desk cannot use; the message (Chinese) says what to write."""


@dataclass(frozen=True)
class DeskAddress:
    url: URL
    connect_args: dict[str, Any] = field(default_factory=dict)

    @property
    def postgres(self) -> bool:
        return self.url.get_backend_name() == "postgresql"


def desk_address(text: str) -> DeskAddress:
    """The address the desk connects to; :class:`AddressError` when it cannot be used."""
    try:
        url = make_url(text)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise AddressError(f"无法解析的数据库地址。PostgreSQL 请写成 {EXAMPLE}，"
                           "SQLite 请写成 sqlite:///文件路径。") from None
    backend, _, driver = url.drivername.partition("+")
    if backend == "sqlite":
        return DeskAddress(url)
    if backend not in ("postgresql", "postgres"):
        raise AddressError(f"收件数据库只支持 SQLite 与 PostgreSQL，不支持 {backend}。"
                           f"PostgreSQL 请写成 {EXAMPLE}。")
    if driver not in LIBPQ_DRIVERS:
        raise AddressError(f"收件台连接 PostgreSQL 使用 pg8000 驱动，不支持 {url.drivername}："
                           f"请写成 {EXAMPLE}。")
    return _postgres(url)


def _postgres(url: URL) -> DeskAddress:
    query = {key: _single(url, key) for key in url.query}
    unknown = sorted(set(query) - set(KNOWN_PARAMETERS))
    if unknown:
        raise AddressError(f"数据库地址中的参数 {'、'.join(unknown)} 不受支持（收件台使用 pg8000 驱动），"
                           f"请删去；可用的参数：{'、'.join(KNOWN_PARAMETERS)}。例：{EXAMPLE}")
    host, port = query.get("host") or url.host, query.get("port") or url.port
    try:
        port_number = int(port) if port is not None else 5432
    except ValueError:
        raise AddressError(f"数据库地址中的端口 {port} 不是数字。例：{EXAMPLE}") from None
    if host and "," in host:
        raise AddressError(f"数据库地址只能写一台服务器（pg8000 驱动不支持 {host} 这样的多台）。"
                           f"例：{EXAMPLE}")
    database = query.get("dbname") or url.database
    user = query.get("user") or url.username or getpass.getuser()
    socket = query.get("unix_sock")
    if socket is None and host is None and sys.platform != "win32":
        host = next((str(d) for d in SOCKET_DIRS if d.is_dir()), None)  # libpq's default
    if socket is None and host is not None and host.startswith("/"):
        socket = str(Path(host) / f".s.PGSQL.{port_number}")
    if socket is not None:
        # pgpass names a socket by its folder, or as localhost when it is libpq's default one
        folder = Path(socket).parent
        hosts = [str(folder), *(["localhost"] if folder in SOCKET_DIRS else [])]
        host = None
    else:
        host = host or "localhost"
        hosts = [host]
    password = query.get("password") or url.password or _password(hosts, port_number, database, user)
    options = {key: value for key, value in (("unix_sock", socket),
                                             ("application_name", query.get("application_name")))
               if value}
    context = _ssl_context(query.get("sslmode"), query.get("sslrootcert"))
    # no TLS on a Unix socket: libpq ignores sslmode there too
    args = {"ssl_context": context} if context is not None and socket is None else {}
    return DeskAddress(URL.create(POSTGRES_DRIVER, username=user, password=password, host=host,
                                  port=port_number if host else None, database=database,
                                  query=options), args)


def _single(url: URL, key: str) -> str:
    value = url.query[key]
    if isinstance(value, tuple):
        raise AddressError(f"数据库地址中的参数 {key} 写了不止一次。例：{EXAMPLE}")
    return value


def _ssl_context(mode: str | None, root_cert: str | None) -> ssl.SSLContext | None:
    mode = mode or "prefer"
    if mode not in SSL_MODES:
        raise AddressError(f"数据库地址中的 sslmode={mode} 无法识别；可写 {'、'.join(SSL_MODES)}。")
    if mode in ("disable", "allow", "prefer"):
        return None
    if mode == "require" and not root_cert:  # libpq: require with a root certificate means verify-ca
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        return context
    try:
        context = ssl.create_default_context(cafile=root_cert)
    except OSError as exc:
        raise AddressError(f"无法读取数据库地址中的根证书 sslrootcert={root_cert}：{exc.strerror}") from None
    context.check_hostname = mode == "verify-full"
    return context


def _password(hosts: list[str], port: int, database: str | None, user: str) -> str | None:
    """libpq's fallbacks: ``PGPASSWORD``, then the first matching line of the pgpass file."""
    if os.environ.get("PGPASSWORD"):
        return os.environ["PGPASSWORD"]
    path = _pgpass_path()
    try:
        if path is None or (sys.platform != "win32" and path.stat().st_mode & 0o077):
            return None  # libpq ignores a pgpass file others can read
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for host in hosts:
        wanted = (host, str(port), database or user, user)
        for line in lines:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = _pgpass_fields(line)
            if len(fields) == 5 and all(f in ("*", w) for f, w in zip(fields[:4], wanted, strict=True)):
                return fields[4]
    return None


def _pgpass_path() -> Path | None:
    if os.environ.get("PGPASSFILE"):
        return Path(os.environ["PGPASSFILE"])
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA")
        return Path(appdata) / "postgresql" / "pgpass.conf" if appdata else None
    return Path.home() / ".pgpass"


def _pgpass_fields(line: str) -> list[str]:
    """hostname:port:database:username:password, with ``\\:`` and ``\\\\`` escaped."""
    fields: list[str] = []
    current: list[str] = []
    escaped = False
    for char in line:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ":" and len(fields) < 4:
            fields.append("".join(current))
            current = []
        else:
            current.append(char)
    fields.append("".join(current))
    return fields


def problem_words(exc: BaseException, address: DeskAddress) -> str:
    """Why the database could not be opened, for the official (Chinese), from the driver's error."""
    orig = getattr(exc, "orig", None) or exc
    if isinstance(exc, ModuleNotFoundError) or isinstance(orig, ModuleNotFoundError):
        return ("本程序未安装 PostgreSQL 驱动 pg8000：请安装 postgresql 附加组件"
                "（pip install \"huiqi-shenbao-desktop[postgresql]\"）。")
    if not address.postgres:
        return str(orig)
    url = address.url
    where = url.query.get("unix_sock") or f"{url.host}:{url.port}"
    fields = _server_fields(orig)
    code, said = str(fields.get("C", "")), str(fields.get("M", ""))
    if code == "28P01":
        return (f"用户名或密码不对（服务器 {where} 拒绝用户 {url.username} 登录）："
                "请核对地址中的用户名和密码。")
    if code == "28000":
        return (f"服务器 {where} 不允许用户 {url.username} 从本机登录数据库 {url.database}"
                f"（请管理员检查服务器的 pg_hba.conf）：{said}")
    if code == "3D000":
        return f"服务器 {where} 上没有数据库 {url.database}：请核对地址中的数据库名，或请管理员先建立它。"
    if code in ("57P03", "53300"):
        return f"服务器 {where} 暂时不能接受连接（正在启动、关闭或连接数已满），请稍后再试：{said}"
    if code:
        return f"服务器 {where} 报告错误 {code}：{said}"
    text = str(orig)
    if "no password was provided" in text:
        return (f"服务器 {where} 要求密码，但地址中没有密码：请写成 {EXAMPLE}"
                "（或写入 PGPASSWORD 环境变量、pgpass 文件）。")
    cause = orig.__cause__
    if isinstance(cause, ssl.SSLError):
        return f"与服务器 {where} 的加密连接失败（{cause.reason or cause}）：请核对 sslmode 与根证书。"
    if "Server refuses SSL" in text:
        return f"服务器 {where} 不支持加密连接：请把地址中的 sslmode 改为 disable，或请管理员开启 SSL。"
    if isinstance(cause, OSError) or "communication error" in text or "Can't create a connection" in text:
        reason = f"（{cause.strerror or cause}）" if isinstance(cause, OSError) else ""
        return (f"连接不上数据库服务器 {where}{reason}：请确认服务器地址和端口无误、服务器已开机，"
                "且防火墙允许本机连接。")
    return text


def _server_fields(exc: BaseException) -> dict[str, Any]:
    """pg8000's report of a server error: a dict of the ErrorResponse's fields (``C`` the
    SQLSTATE, ``M`` the message) as the exception's only argument."""
    return exc.args[0] if exc.args and isinstance(exc.args[0], dict) else {}


def startup_error(exc: BaseException) -> BaseException:
    """The error that tells why a connection could not be started.

    pg8000 (1.31) closes the socket when the server refuses a login, and writing its goodbye
    to a socket the server has already closed raises "network error" (broken pipe) in place
    of the server's own error (wrong password, no such database), which is left in the
    exception's context.  Found there, it is the one to report.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if _server_fields(current):
            return current
        current = current.__cause__ or current.__context__
    return exc
