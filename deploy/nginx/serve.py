#!/usr/bin/env python3
"""Serve a built site (or a mike branch) on 127.0.0.1 with this folder's nginx configuration.

    python deploy/nginx/serve.py site/                 # http://127.0.0.1:8080/
    python deploy/nginx/serve.py /tmp/branch --port 8081

For trying the configuration before installing it, and for the tests: it runs
offentligai.conf unchanged except for the lines marked ``# local:`` (listen on loopback,
the root folder, brotli when Debian's module is installed), in the foreground, with its
pid file, logs and temporary files in a folder of its own rather than system paths. The
Content-Security-Policy is generated from the served files by scripts/csp.py.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SERVER_CONF = HERE / "offentligai.conf"
INCLUDES = HERE / "offentligai"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
APT_LINE = "apt-get install -y --no-install-recommends nginx libnginx-mod-http-brotli-filter"
_MARKER = re.compile(r"#\s*local:\s*(\w+)\s*$")


def local_server_block(conf: str, *, port: int, root: Path, brotli: bool) -> str:
    """offentligai.conf with only the lines marked ``# local:`` changed."""
    lines = []
    seen = {"listen": 0, "root": 0, "brotli": 0}
    for line in conf.splitlines():
        marker = _MARKER.search(line)
        if not marker:
            lines.append(line)
            continue
        kind = marker.group(1)
        if kind not in seen:
            raise ValueError(f"unknown '# local: {kind}' marker in offentligai.conf")
        seen[kind] += 1
        if kind == "listen" and seen[kind] == 1:
            lines.append(f"    listen 127.0.0.1:{port};")
        elif kind == "root":
            lines.append(f'    root "{root}";')
        elif kind == "brotli":
            lines.append("    include offentligai/brotli.conf;" if brotli else line)
    if seen["listen"] < 1 or seen["root"] != 1 or seen["brotli"] != 1:
        raise ValueError(f"offentligai.conf lost its '# local:' markers (found {seen})")
    return "\n".join(lines) + "\n"


def main_config(workdir: Path, server_file: Path, *, brotli: bool) -> str:
    """A complete nginx.conf: foreground, one worker, every file it writes in ``workdir``."""
    # As root, workers would run as nobody, who cannot read folders such as pytest's (0700).
    user = "user root root;" if os.geteuid() == 0 else ""
    module = f"load_module {BROTLI_MODULE};" if brotli else ""
    temp_paths = "\n".join(
        f"    {name}_temp_path {workdir / 'temp' / name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{module}
{user}
daemon off;
worker_processes 1;
pid {workdir / "nginx.pid"};
error_log {workdir / "error.log"} warn;
events {{
    worker_connections 512;
}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log off;
{temp_paths}
    include {server_file};
}}
"""


def csp_include(site: Path) -> str:
    """The include that scripts/csp.py writes for ``site``."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "csp.py"), str(site)], capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"scripts/csp.py failed: {result.stderr.strip()}")
    return result.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Server:
    url: str  # ending in "/"
    workdir: Path
    brotli: bool


@contextmanager
def running(
    root: Path, workdir: Path, *, port: int | None = None, csp: str | None = None, brotli: bool | None = None
) -> Iterator[Server]:
    """Run nginx with the repository's configuration, serving ``root``, until the block ends."""
    binary = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if binary is None:
        raise RuntimeError(f"nginx is not installed: {APT_LINE}")
    brotli = BROTLI_MODULE.is_file() if brotli is None else brotli
    port = port or free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "temp").mkdir(exist_ok=True)
    includes = workdir / "offentligai"
    shutil.rmtree(includes, ignore_errors=True)
    shutil.copytree(INCLUDES, includes)
    (includes / "csp.conf").write_text(csp_include(root) if csp is None else csp, encoding="utf-8")
    server_file = workdir / "offentligai.conf"
    server_file.write_text(
        local_server_block(
            SERVER_CONF.read_text(encoding="utf-8"), port=port, root=root.resolve(), brotli=brotli
        ),
        encoding="utf-8",
    )
    conf = workdir / "nginx.conf"
    conf.write_text(main_config(workdir, server_file, brotli=brotli), encoding="utf-8")
    command = [binary, "-p", str(workdir), "-c", str(conf), "-e", str(workdir / "error.log")]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(f"nginx -t failed:\n{check.stderr}")
    # A session of its own: Ctrl+C reaches only this script, which stops nginx gracefully.
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        _wait_until_listening(port, process, workdir / "error.log")
        yield Server(f"http://127.0.0.1:{port}/", workdir, brotli)
    finally:
        process.send_signal(signal.SIGQUIT)  # graceful: the master stops its worker
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_listening(port: int, process: subprocess.Popen, log: Path, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"nginx stopped at start:\n{log.read_text(errors='replace') if log.exists() else ''}"
            )
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on 127.0.0.1:{port} within {timeout:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="folder to serve: a built site or an extracted mike branch")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(
            f"serve.py: {args.site} holds no index.html; build the site first (make build)", file=sys.stderr
        )
        return 2
    with tempfile.TemporaryDirectory(prefix="offentligai-nginx-") as workdir:
        try:
            with running(args.site, Path(workdir), port=args.port) as server:
                print(f"Serving {args.site} at {server.url} with deploy/nginx/ (Ctrl+C stops)", flush=True)
                while True:
                    time.sleep(3600)
        except KeyboardInterrupt:
            pass
        except RuntimeError as error:
            print(f"serve.py: {error}", file=sys.stderr)
            return 1
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    # Ctrl+C and `kill` both end up in the graceful stop of nginx above.
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    sys.exit(main())
