"""`localoffer serve` end to end, through the real binary, as an editor uses it: it starts on a free
port, an edited service is served changed and the open page is told to reload; a
broken file puts its errors (file, line) in place of the page until it is fixed; Ctrl-C stops it;
and `build` never puts the reload script in the published site."""
import http.client
import os
import pathlib
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("LOCALOFFER_BINARY", ROOT / ".build" / "debug" / "localoffer"))
TODAY = "2026-11-23"
# The promise to editors: an edited page is served changed within a second of saving. The other
# steps (error page, fixed page, Ctrl-C) are checked with a generous bound: they must happen, and
# `make bench` measures save-to-reload on 10,000 services.
PROMISE = float(os.environ.get("LOCALOFFER_SERVE_PROMISE", "1.0"))
WAIT = float(os.environ.get("LOCALOFFER_SERVE_WAIT", "15"))


@pytest.fixture
def workspace():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="localoffer-serve-"))
    shutil.copytree(ROOT / "content", folder / "content")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def server(workspace):
    process = subprocess.Popen(
        [str(BINARY), "serve", "--content", str(workspace / "content"), "--templates", str(ROOT / "templates"),
         "--port", "0", "--today", TODAY],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    port = None
    deadline = time.time() + 60
    while port is None and time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            port = int(match.group(1))
    assert port, "serve did not say where it listens:\n" + "".join(lines)
    reader = threading.Thread(target=lambda: lines.extend(iter(process.stdout.readline, "")), daemon=True)
    reader.start()
    yield {"process": process, "port": port, "log": lines, "content": workspace / "content"}
    if process.poll() is None:
        process.kill()
        process.wait()


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return response.status, body, dict(response.getheaders())


class Events(threading.Thread):
    """A browser's EventSource: collects the events the server sends."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.events = []
        self.ready = threading.Event()

    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request("GET", "/__localoffer/events")
        response = connection.getresponse()
        assert response.getheader("Content-Type").startswith("text/event-stream")
        while True:
            line = response.fp.readline()
            if not line:
                return
            text = line.decode().strip()
            if text.startswith("event: "):
                self.events.append(text[len("event: "):])
                if text == "event: ready":
                    self.ready.set()


def wait_for(condition, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_an_edit_is_served_within_a_second_and_open_pages_are_told_to_reload(server):
    port = server["port"]
    status, page, headers = get(port, "/services/portage/")
    assert status == 200
    assert '<script src="/__localoffer/reload.js" defer></script>' in page
    assert "default-src 'self'" in headers.get("Content-Security-Policy", "")
    events = Events(port)
    events.start()
    assert events.ready.wait(5), "the event stream opens"

    service = server["content"] / "services" / "portage.md"
    service.write_text(service.read_text().replace("summary: A trained Portage", "summary: An edited Portage"))
    saved = time.time()
    assert wait_for(lambda: "An edited Portage" in get(port, "/services/portage/")[1], PROMISE), \
        "the edited page is served within 1 s of saving"
    assert wait_for(lambda: "reload" in events.events, PROMISE), "the open page is told to reload"
    assert time.time() - saved < 2 * PROMISE


def test_errors_replace_the_page_until_they_are_fixed(server):
    port = server["port"]
    service = server["content"] / "services" / "portage.md"
    original = service.read_text()
    service.write_text(original.replace("  email: portage@kingsmere.example.org", "  email: not-an-email"))
    line = next(number for number, text in enumerate(service.read_text().splitlines(), 1) if "not-an-email" in text)
    assert wait_for(lambda: get(port, "/services/portage/")[0] == 500, WAIT)
    status, page, _ = get(port, "/")
    assert status == 500, "every page shows the errors, not only the broken entry"
    assert f"portage.md:{line}:" in page
    assert "not an email address" in page and "Hint:" in page
    assert '<script src="/__localoffer/reload.js" defer></script>' in page
    assert wait_for(lambda: "1 error" in "".join(server["log"]), WAIT), "the terminal prints them too"

    service.write_text(original)
    assert wait_for(lambda: get(port, "/services/portage/")[0] == 200, WAIT), "fixing the file brings the page back"


def test_ctrl_c_stops_the_server_cleanly(server):
    process = server["process"]
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=10) == 0
    assert wait_for(lambda: "Stopped." in "".join(server["log"]), WAIT)


def test_it_listens_only_on_this_computer_unless_told(server):
    assert "127.0.0.1" in "".join(server["log"][:3])
    with pytest.raises(OSError):
        # Not on another address of this machine (only loopback was bound).
        import socket
        address = socket.gethostbyname(socket.gethostname())
        if address.startswith("127."):
            raise OSError("this machine has no other address to try")
        socket.create_connection((address, server["port"]), timeout=2)


def test_the_built_site_has_no_reload_script(tmp_path):
    output = tmp_path / "public"
    result = subprocess.run([str(BINARY), "build", "--content", str(ROOT / "content"), "--templates", str(ROOT / "templates"),
                             "--output", str(output), "--today", TODAY], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for page in output.rglob("*.html"):
        assert "__localoffer" not in page.read_text(), page
