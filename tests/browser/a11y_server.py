"""Serve a built site on a free loopback port with a real static server, as it is served in production.

nginx (apt's, run in the foreground with a generated config in a temporary folder: no system config is
read or changed) when it is installed; otherwise Python's http.server with the same behaviour:

- a folder's index.html for pretty URLs (/services/portage/ -> services/portage/index.html),
- 404.html with status 404 for anything missing (nginx: `error_page 404 /404.html;`),
- a strict Content-Security-Policy on every response, so that an inline <script>, an inline style
  attribute or <style> element, or a file from another site shows up as a console error in the browser.

LOCALOFFER_TEST_SERVER=python forces the fallback (to check it); =nginx makes a missing nginx an error.

Usage:
    with SiteServer(pathlib.Path(".build/test-site")) as server:
        urllib.request.urlopen(server.url("/services/"))
"""
from __future__ import annotations

import functools
import http.server
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import threading
import time

CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'"

# Used only when /etc/nginx/mime.types is missing (nginx built without Debian's config files).
_MIME_TYPES = {
    "text/html": "html htm",
    "text/css": "css",
    "text/javascript": "js mjs",
    "application/json": "json",
    "application/xml": "xml",
    "text/plain": "txt",
    "image/svg+xml": "svg",
    "image/png": "png",
    "image/jpeg": "jpg jpeg",
    "image/webp": "webp",
    "image/x-icon": "ico",
    "application/wasm": "wasm",
    "font/woff2": "woff2",
    "application/pdf": "pdf",
}


def nginx_config(root: pathlib.Path, port: int, run_dir: pathlib.Path) -> str:
    """An nginx.conf that serves `root` on 127.0.0.1:`port`, keeping every runtime file in `run_dir`."""
    mime_types = pathlib.Path("/etc/nginx/mime.types")
    if mime_types.exists():
        types = f"include {mime_types};"
    else:
        types = "types {\n" + "".join(f"    {t} {exts};\n" for t, exts in _MIME_TYPES.items()) + "  }"
    tmp = run_dir / "tmp"
    return f"""daemon off;
master_process off;
worker_processes 1;
pid {run_dir}/nginx.pid;
error_log {run_dir}/error.log warn;
events {{ worker_connections 256; }}
http {{
  {types}
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/css text/javascript application/javascript application/json application/xml;
  access_log off;
  sendfile on;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fcgi; uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  server {{
    listen 127.0.0.1:{port};
    root {root};
    index index.html;
    error_page 404 /404.html;
    add_header Content-Security-Policy "{CSP}" always;
    location / {{ try_files $uri $uri/ =404; }}
  }}
}}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


class _Handler(http.server.SimpleHTTPRequestHandler):
    """http.server with a CSP header, 404.html for missing files and JavaScript served as JavaScript."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
        ".svg": "image/svg+xml", ".wasm": "application/wasm", ".css": "text/css", ".html": "text/html; charset=utf-8",
    }

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        page = pathlib.Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def list_directory(self, path):  # a folder without index.html is "not found", as with nginx
        self.send_error(404)
        return None

    def log_message(self, *args):
        pass


class SiteServer:
    """A static server for `root`. `kind` is "nginx" or "python"; `url(path)` gives an address on it."""

    def __init__(self, root: pathlib.Path, kind: str | None = None):
        self.root = pathlib.Path(root).resolve()
        requested = kind or os.environ.get("LOCALOFFER_TEST_SERVER", "")
        if requested not in ("", "nginx", "python"):
            raise ValueError(f"LOCALOFFER_TEST_SERVER must be nginx or python, not {requested!r}")
        if requested == "nginx" and not shutil.which("nginx"):
            raise RuntimeError("nginx is not installed (scripts/install-test-tools.sh installs it)")
        self.kind = requested or ("nginx" if shutil.which("nginx") else "python")
        self.port = 0
        self._process: subprocess.Popen | None = None
        self._httpd: http.server.ThreadingHTTPServer | None = None
        self._run_dir: tempfile.TemporaryDirectory | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.base + path

    def start(self) -> "SiteServer":
        if self.kind == "nginx":
            self._start_nginx()
        else:
            handler = functools.partial(_Handler, directory=str(self.root))
            self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            self._httpd.daemon_threads = True
            self.port = self._httpd.server_address[1]
            threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def _start_nginx(self):
        self._run_dir = tempfile.TemporaryDirectory(prefix="localoffer-nginx-")
        run = pathlib.Path(self._run_dir.name)
        (run / "tmp").mkdir()
        errors = ""
        for _attempt in range(5):  # the free port can be taken between choosing it and nginx binding it
            self.port = _free_port()
            conf = run / "nginx.conf"
            conf.write_text(nginx_config(self.root, self.port, run))
            self._process = subprocess.Popen(
                ["nginx", "-c", str(conf), "-p", str(run), "-e", str(run / "error.log")],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            )
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and self._process.poll() is None:
                if _listening(self.port):
                    return
                time.sleep(0.05)
            if self._process.poll() is None:
                self._process.kill()
            errors = self._process.communicate()[1]
            self._process = None
        raise RuntimeError(f"nginx did not start: {errors}")

    def stop(self):
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._run_dir is not None:
            self._run_dir.cleanup()
            self._run_dir = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
