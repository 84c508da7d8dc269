"""A real Weblate server for the integration tests: PostgreSQL and Weblate, on loopback.

`.ci/run` installs Weblate into its own virtual environment (pinned by
`tests/weblate/constraints.txt`); the tests find its `weblate` command through
`L10N_NEWS_WEBLATE` or at the default place `.ci/run` uses. Everything the server keeps lives
in one temporary folder and is stopped with the test session.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import requests

DEFAULT_WEBLATE = Path("/opt/l10n-news-weblate/bin/weblate")
SETTINGS_DIR = Path(__file__).resolve().parent / "weblate"
PG_ROOT = Path("/usr/lib/postgresql")


def find_weblate() -> Path | None:
    """The `weblate` command of the test server's venv, if installed."""
    given = os.environ.get("L10N_NEWS_WEBLATE")
    path = Path(given) if given else DEFAULT_WEBLATE
    return path if path.is_file() else None


def find_postgres() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    # Debian keeps each major version's programs apart: /usr/lib/postgresql/<N>/bin.
    versions = sorted(PG_ROOT.glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    return versions[-1].parent if versions else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(cmd: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the `postgres` user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@dataclass
class User:
    username: str
    full_name: str
    token: str


class WeblateServer:
    """Start with `start()`, stop with `stop()`; `url`, `admin` and `translator` in between."""

    def __init__(self, weblate: Path, pg_bin: Path, root: Path) -> None:
        self.weblate = weblate
        self.pg_bin = pg_bin
        self.root = root
        self.pg_port = free_port()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = root / "weblate.log"
        self._server: subprocess.Popen[bytes] | None = None
        self._pg_data = root / "pg" / "data"
        self.admin: User | None = None
        self.translator: User | None = None
        self.timings: dict[str, float] = {}

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("L10N_", "DJANGO_"))}
        env.update(
            DJANGO_SETTINGS_MODULE="settings",
            PYTHONPATH=str(SETTINGS_DIR),
            L10N_WEBLATE_DATA=str(self.root / "data"),
            L10N_WEBLATE_PG_PORT=str(self.pg_port),
            NO_PROXY="127.0.0.1,localhost",
        )
        return env

    def _manage(self, *args: str, timeout: float = 300) -> str:
        done = subprocess.run(
            [str(self.weblate), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"weblate {args[0]} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def _start_postgres(self) -> None:
        pg_root = self.root / "pg"
        pg_root.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(pg_root, "postgres")
        subprocess.run(
            _as_postgres(
                [str(self.pg_bin / "initdb"), "-D", str(self._pg_data), "-A", "trust", "-U",
                 "weblate"]
            ),
            check=True,
            capture_output=True,
        )
        subprocess.run(
            _as_postgres(
                [
                    str(self.pg_bin / "pg_ctl"), "-D", str(self._pg_data), "-w",
                    "-l", str(pg_root / "log"),
                    "-o", f"-p {self.pg_port} -h 127.0.0.1 -k {pg_root}",
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [str(self.pg_bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.pg_port), "-U",
             "weblate", "weblate"],
            check=True,
            capture_output=True,
        )

    def _make_users(self) -> None:
        script = (
            "from weblate.auth.models import User\n"
            "from rest_framework.authtoken.models import Token\n"
            "for name, full, admin in (('admin', 'Site Admin', True),"
            " ('dana', 'Dana Seitova', False)):\n"
            "    u, _ = User.objects.get_or_create(username=name,"
            " defaults={'email': name + '@example.kz', 'full_name': full})\n"
            "    u.full_name = full; u.is_superuser = admin; u.is_active = True; u.save()\n"
            "    t, _ = Token.objects.get_or_create(user=u)\n"
            "    print('USER', name, t.key)\n"
        )
        tokens = {}
        for line in self._manage("shell", "-c", script).splitlines():
            if line.startswith("USER "):
                _, name, key = line.split()
                tokens[name] = key
        self.admin = User("admin", "Site Admin", tokens["admin"])
        self.translator = User("dana", "Dana Seitova", tokens["dana"])

    def start(self) -> None:
        began = time.monotonic()
        self._start_postgres()
        self.timings["postgres"] = time.monotonic() - began
        began = time.monotonic()
        self._manage("migrate", "--noinput")
        self.timings["migrate"] = time.monotonic() - began
        self._make_users()
        began = time.monotonic()
        with self.log.open("wb") as log:
            self._server = subprocess.Popen(
                [str(self.weblate), "runserver", f"127.0.0.1:{self.port}", "--noreload",
                 "--nothreading"],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._wait_ready()
        self.timings["server"] = time.monotonic() - began

    def _wait_ready(self, limit: float = 60.0) -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            assert self._server is not None
            if self._server.poll() is not None:
                raise RuntimeError(f"Weblate stopped:\n{self.log.read_text(errors='replace')}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{self.url}/healthz/", timeout=2).status_code == 200:
                    return
            time.sleep(0.3)
        raise RuntimeError("Weblate did not answer within a minute")

    def api(self, user: User, method: str, path: str, **kwargs) -> requests.Response:
        """A request as `user`, as a translator's browser or script would make it."""
        url = path if path.startswith("http") else f"{self.url}/api/{path.lstrip('/')}"
        headers = {"Authorization": f"Token {user.token}"}
        response = requests.request(method, url, headers=headers, timeout=60, **kwargs)
        response.raise_for_status()
        return response

    def stop(self) -> None:
        if self._server is not None:
            self._server.terminate()
            try:
                self._server.wait(10)
            except subprocess.TimeoutExpired:
                self._server.kill()
        if self._pg_data.is_dir():
            subprocess.run(
                _as_postgres(
                    [str(self.pg_bin / "pg_ctl"), "-D", str(self._pg_data), "-m", "fast", "stop"]
                ),
                check=False,
                capture_output=True,
            )
