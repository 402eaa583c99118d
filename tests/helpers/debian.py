"""A stock Debian nginx in a temporary prefix, and the hosting page's commands run against it.

The hosting tests do what an administrator does, as docs/om/drift.md prints it. So that they
can run on a developer's machine, everything happens in a temporary folder:

- Debian's installed /etc/nginx is copied as it is, sites-enabled/default included; only its
  absolute paths (pid, logs, include roots, the default site's root) and the port (80 → a free
  one on loopback) are rewritten. One file is added, conf.d/00-tests-temp-paths.conf, which
  keeps nginx's temporary files in the folder too.
- The page's shell blocks run in bash with the page's own lines; only /etc/nginx and
  /srv/offentligai are replaced by the temporary ones, and a block that still names a system
  path is refused before it runs.
- ``sudo`` runs the command as the test's user; ``apt-get install`` checks that the packages
  are installed on this machine (the tests install nothing); ``nginx`` and ``systemctl reload
  nginx`` run the real nginx with the copied configuration.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tests.helpers import free_port
from tests.helpers import publishing as support

ETC = Path("/etc/nginx")
NGINX = Path("/usr/sbin/nginx")
WELCOME_PAGE = Path("/var/www/html/index.nginx-debian.html")
PAGES = {"sv": support.ROOT / "docs" / "om" / "drift.md", "en": support.ROOT / "docs" / "om" / "drift.en.md"}
# Where the page's commands write, and nothing else may be named once they are localised.
PAGE_PATHS = ("/etc/nginx", "/srv/offentligai")
SYSTEM_PATH = re.compile(r"(?<![\w.-])/(?:etc|srv|var|run|usr|opt)/")
SYSTEM_BIN = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


class Failed(Exception):
    """A command of the page, or nginx, failed; the message holds its output."""


# --- the page ------------------------------------------------------------------------


def code_blocks(markdown: str, anchor: str, lang: str = "sh") -> list[str]:
    """The ``lang`` code blocks of the section with heading anchor ``anchor``, in order.

    A section runs from its heading to the next heading of any level, so a subsection's
    blocks belong to the subsection only.
    """
    lines = markdown.splitlines()
    heading = re.compile(rf"^#+ .*\{{ #{re.escape(anchor)} \}}$")
    start = next((i for i, line in enumerate(lines) if heading.match(line)), None)
    if start is None:
        raise KeyError(f"no heading {{ #{anchor} }}")
    blocks, current = [], None
    for line in lines[start + 1 :]:
        if current is None and line.startswith("#"):
            break
        if current is None and line.startswith("```"):
            current = [] if line == f"```{lang}" else ["<other>"]
        elif current is not None and line == "```":
            if current[:1] != ["<other>"]:
                blocks.append("\n".join(current) + "\n")
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def anchors(markdown: str) -> list[str]:
    """The heading anchors of a page, in order."""
    return re.findall(r"^#+ .*\{ #([a-z0-9-]+) \}$", markdown, re.M)


def page_block(anchor: str, index: int, lang: str = "sh") -> str:
    """Block ``index`` of section ``anchor`` of the Swedish page (the English one is tested equal)."""
    blocks = code_blocks(PAGES["sv"].read_text(encoding="utf-8"), anchor, lang)
    if index >= len(blocks):
        raise KeyError(f"section #{anchor} has {len(blocks)} {lang} blocks, not {index + 1}")
    return blocks[index]


# Every shell block of the page (section, index): run by tests/build/test_hosting.py, or not, and why.
RUN = {
    ("site-url", 0),
    ("nginx", 0),
    ("shared-host", 0),
    ("shared-host", 1),
    ("update", 0),
    ("update", 1),
    ("update", 2),
    ("air-gapped", 0),
    ("air-gapped", 1),
    ("versions", 0),
    ("versions", 1),
    ("versions", 2),
}
NOT_RUN = {
    ("sub-path", 0): "the same command as the first line of #shared-host's second block, which runs",
    ("offline", 0): "`make offline` runs scripts/offline_bundle.py, which test_publishing_builds.py runs",
    ("pdf", 0): "`make pdf` runs scripts/pdf.py, which tests/build/test_print_documents.py runs",
    ("container", 0): "no container engine runs on the project's machines (the page says so)",
}


# --- a stock Debian nginx in a folder --------------------------------------------------


def stock_problem() -> str | None:
    """Why /etc/nginx is not Debian's stock configuration here, or None."""
    if not NGINX.is_file():
        return f"nginx is not installed: apt-get install {support_packages()}"
    listing = subprocess.run(
        ["dpkg-query", "-W", "-f=${Conffiles}", "nginx-common"], capture_output=True, text=True
    )
    sums = dict(line.split()[:2] for line in listing.stdout.splitlines() if line.strip())
    for path in (ETC / "nginx.conf", ETC / "sites-available" / "default"):
        if str(path) not in sums:
            return f"{path} is not a conffile of Debian's nginx-common"
        if hashlib.md5(path.read_bytes()).hexdigest() != sums[str(path)]:  # noqa: S324 (dpkg's sum)
            return f"{path} differs from Debian's: these tests need the stock file"
    if not (ETC / "sites-enabled" / "default").exists():
        return f"{ETC}/sites-enabled/default is missing: these tests need Debian's default site"
    return None


def support_packages() -> str:
    return "nginx libnginx-mod-http-brotli-filter"


def _replace(text: str, old: str, new: str, file: Path) -> str:
    if old not in text:
        raise Failed(f"{file}: '{old}' not found; Debian's stock file changed")
    return text.replace(old, new)


def _rewrite(file: Path, replacements: tuple[tuple[str, str], ...]) -> None:
    """Make each replacement in ``file``; fail if a stock line it expects is missing."""
    text = file.read_text(encoding="utf-8")
    for old, new in replacements:
        text = _replace(text, old, new, file)
    file.write_text(text, encoding="utf-8")


@dataclass
class Server:
    """Debian's nginx configuration copied to ``base``, and the page's commands run against it."""

    base: Path
    port: int
    log: list[str] = field(default_factory=list)

    @property
    def etc(self) -> Path:
        return self.base / "etc" / "nginx"

    @property
    def home(self) -> Path:
        return self.base / "srv" / "offentligai"

    @property
    def bin(self) -> Path:
        return self.base / "bin"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def path(self, path: str) -> str:
        """A path of the page (/etc/nginx/…, /srv/offentligai/…) in this folder."""
        for page_path in PAGE_PATHS:
            path = path.replace(page_path, f"{self.base}{page_path}")
        return path

    def localise(self, block: str) -> str:
        """A block of the page with its paths moved here; refuses one that names a system path."""
        for page_path in PAGE_PATHS:
            block = block.replace(page_path, f"{self.base}{page_path}")
        leftover = SYSTEM_PATH.findall(block.replace(str(self.base), "BASE"))
        if leftover:
            raise Failed(f"refusing to run a block that names system paths {leftover}:\n{block}")
        return block

    def env(self, **extra: str) -> dict[str, str]:
        return {
            "PATH": f"{self.bin}:{SYSTEM_BIN}",
            "HOME": os.environ.get("HOME", str(self.base)),
            "LANG": "C.UTF-8",
            **support.GIT_IDENTITY,
            **extra,
        }

    def run(self, block: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
        """Run a block of the page (already localised or not) in bash; Failed with its output."""
        script = self.localise(block)
        self.log.append(f"$ (in {cwd})\n{script}")
        result = subprocess.run(
            ["bash", "-e", "-u", "-o", "pipefail", "-x", "-c", script],
            cwd=cwd,
            env=self.env(**env),
            capture_output=True,
            text=True,
            timeout=1200,
        )
        if result.returncode != 0:
            raise Failed(
                f"block failed ({result.returncode}):\n{script}\n"
                f"{result.stdout[-3000:]}\n{result.stderr[-5000:]}"
            )
        return result

    def nginx(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.bin / "nginx"), *args], capture_output=True, text=True)

    def start(self) -> None:
        check = self.nginx("-t")
        if check.returncode != 0:
            raise Failed(f"nginx -t failed with the stock configuration:\n{check.stderr}")
        started = self.nginx()  # the stock nginx.conf runs as a daemon, as on a server
        if started.returncode != 0:
            raise Failed(f"nginx did not start:\n{started.stderr}")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise Failed(f"nginx did not listen on {self.port}")

    def stop(self) -> None:
        pid_file = self.base / "run" / "nginx.pid"
        if not pid_file.is_file():
            return
        pid = int(pid_file.read_text().strip())
        os.kill(pid, signal.SIGQUIT)  # the master this test started, by its own pid file
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)
        os.kill(pid, signal.SIGKILL)

    def current_release(self) -> Path:
        return (self.home / "current").resolve()


def _wrappers(base: Path, etc: Path) -> None:
    """sudo, apt-get, nginx and systemctl for the page's commands (see the module's docstring)."""
    scripts = {
        "sudo": '#!/bin/sh\nexec "$@"\n',
        "apt-get": (
            "#!/bin/sh\n"
            '[ "$1" = install ] || { echo "apt-get (tests): only install is expected" >&2; exit 2; }\n'
            "shift\n"
            'for package in "$@"; do\n'
            '  case "$package" in -*) continue;; esac\n'
            '  dpkg -s "$package" >/dev/null 2>&1 || '
            '{ echo "apt-get (tests): $package is not installed on this machine" >&2; exit 1; }\n'
            "done\n"
        ),
        "nginx": f'#!/bin/sh\nexec {NGINX} -c {etc}/nginx.conf -e {base}/var/log/nginx/error.log "$@"\n',
        "systemctl": (
            "#!/bin/sh\n"
            f'[ "$*" = "reload nginx" ] && exec {base}/bin/nginx -s reload\n'
            'echo "systemctl (tests): only reload nginx is expected, not $*" >&2; exit 2\n'
        ),
    }
    folder = base / "bin"
    folder.mkdir()
    for name, text in scripts.items():
        (folder / name).write_text(text, encoding="utf-8")
        (folder / name).chmod(0o755)


def copy_stock(base: Path, port: int) -> None:
    """Debian's /etc/nginx in ``base``, with only its absolute paths and its port changed."""
    etc = base / "etc" / "nginx"
    shutil.copytree(ETC, etc, symlinks=True)
    for link in [p for p in etc.rglob("*") if p.is_symlink()]:
        target = os.readlink(link)
        if target.startswith(f"{ETC}/"):
            link.unlink()
            link.symlink_to(str(base) + target)
    _rewrite(
        etc / "nginx.conf",
        (
            ("/etc/nginx/", f"{etc}/"),
            ("/run/nginx.pid", f"{base}/run/nginx.pid"),
            ("/var/log/nginx/", f"{base}/var/log/nginx/"),
        ),
    )
    _rewrite(
        etc / "sites-available" / "default",
        (
            ("listen 80 default_server;", f"listen 127.0.0.1:{port} default_server;"),
            ("listen [::]:80 default_server;", f"listen [::1]:{port} default_server;"),
            ("root /var/www/html;", f"root {base}/var/www/html;"),
        ),
    )
    for folder in ("run", "var/log/nginx", "var/lib/nginx", "var/www/html"):
        (base / folder).mkdir(parents=True, exist_ok=True)
    shutil.copy2(WELCOME_PAGE, base / "var" / "www" / "html")
    temp = "\n".join(
        f"{name}_temp_path {base}/var/lib/nginx/{name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (etc / "conf.d" / "00-tests-temp-paths.conf").write_text(
        f"# Added by the tests: temporary files stay in the test's folder.\n{temp}\n", encoding="utf-8"
    )
    _wrappers(base, etc)


def localise_sources(src: Path, base: Path, port: int) -> None:
    """What the page's commands copy from the sources, moved here too: our server block listens
    where the copied default site does and serves the releases under ``base``."""
    _rewrite(
        src / "deploy" / "nginx" / "offentligai.conf",
        (
            ("listen 80 default_server;", f"listen 127.0.0.1:{port} default_server;"),
            ("listen [::]:80 default_server;", f"listen [::1]:{port} default_server;"),
            ("root /srv/offentligai/current;", f"root {base}/srv/offentligai/current;"),
        ),
    )


def source_checkout(target: Path, server: Server) -> Path:
    """The working tree's sources in ``target`` as a git repository tagged v2026.1 (listed in
    data/editions.yml), with the project's .venv linked (so `make build` finds it installed)
    and localised for ``server``."""
    support.copy_sources(target)  # copies keep their times, so make sees .venv as up to date
    (target / ".venv").symlink_to(Path(sys.prefix))
    localise_sources(target, server.base, server.port)
    # The page's first step for an edition: list it in data/editions.yml and commit (#versions).
    support.list_editions(target / "data" / "editions.yml", ("2026.1",))
    for command in (
        ["git", "init", "--quiet", "--initial-branch=main"],
        ["git", "add", "--all"],
        ["git", "-c", "commit.gpgsign=false", "commit", "--quiet", "--message", "sources"],
        ["git", "tag", "v2026.1"],
    ):
        support.run(command, target)
    return target


@contextmanager
def debian_server() -> Iterator[Server]:
    """A stock Debian nginx, started as a daemon on a free port, in a folder of its own."""
    problem = stock_problem()
    if problem:
        raise Failed(problem)
    # Debian's nginx.conf runs its workers as www-data: the folder must be readable by them.
    base = Path(tempfile.mkdtemp(prefix="offentligai-debian-", dir="/tmp"))
    base.chmod(0o755)
    server = Server(base, free_port())
    try:
        copy_stock(base, server.port)
        yield server
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)


def built_without_repository(cache: Path) -> Path:
    """The site as the page's block for an intranet without GitHub builds it (#site-url):
    REPO_URL empty, EDITORIAL_CONTACT set. Built once per session; returns the built folder."""
    src = cache / "no-repository-src"

    def make() -> None:
        shutil.rmtree(src, ignore_errors=True)
        support.copy_sources(src)
        (src / ".venv").symlink_to(Path(sys.prefix))
        result = subprocess.run(
            ["bash", "-e", "-u", "-o", "pipefail", "-c", page_block("site-url", 0)],
            cwd=src,
            env={"PATH": SYSTEM_BIN, "HOME": os.environ.get("HOME", str(src)), "LANG": "C.UTF-8"},
            capture_output=True,
            text=True,
            timeout=1200,
        )
        if result.returncode != 0:
            raise support.BuildFailed(
                f"the #site-url block failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
            )

    support._once(cache / "no-repository.done", make)
    return src / "site"


# --- requests ------------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def fetch(url: str, path: str, host: str | None = None, **headers: str) -> Reply:
    """One GET on a new connection, without following redirects or decompressing."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        extra = {"Host": host} if host else {}
        connection.request("GET", path, headers={"Accept-Encoding": "identity", **extra, **headers})
        response = connection.getresponse()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        connection.close()


@dataclass
class Load:
    """Requests without pause, each on a new connection, from a few threads, until stopped."""

    url: str
    paths: list[str]
    threads: int = 4
    ok: int = 0
    failures: list[str] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _workers: list[threading.Thread] = field(default_factory=list)

    def _work(self, offset: int) -> None:
        count = offset
        while not self._stop.is_set():
            path = self.paths[count % len(self.paths)]
            count += 1
            try:
                status = fetch(self.url, path).status
                failure = None if status == 200 else f"{path}: HTTP {status}"
            except (OSError, http.client.HTTPException) as error:
                failure = f"{path}: {error!r}"
            with self._lock:
                if failure:
                    self.failures.append(failure)
                else:
                    self.ok += 1

    def __enter__(self) -> Load:
        self._workers = [threading.Thread(target=self._work, args=(i,)) for i in range(self.threads)]
        for worker in self._workers:
            worker.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for worker in self._workers:
            worker.join(timeout=30)
