"""Starting `tradelint serve` for a test or a benchmark, and talking to it (docs/server.md).

Standard library only; used by the tests in tests/serve/ and the scripts in bench/.
"""

import http.client
import json
import os
import socket
import subprocess
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))
E2E_DATA = os.path.join(SOURCE_DIR, "tests", "e2e", "data")
GOOD_RULES = os.path.join(E2E_DATA, "rules", "good")


def free_port():
    """A TCP port nothing listens on now (the server binds it a moment later)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A running `tradelint serve` on a free port of 127.0.0.1; its log lines (JSON, from
    standard error) collect in `log`. Use as a context manager: it is stopped with SIGTERM at
    the end and its exit status checked by the caller through `stop()`."""

    def __init__(self, tradelint, *args, rules=GOOD_RULES, env=None):
        self.port = free_port()
        command = [tradelint, "serve", "--port", str(self.port)]
        if rules is not None:
            command += ["--rules", rules]
        self.process = subprocess.Popen(command + list(args), stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, encoding="utf-8",
                                        env=env)
        self.log = []
        self.stderr_lines = []
        self.listening = threading.Event()
        self.reader = threading.Thread(target=self._read_log, daemon=True)
        self.reader.start()
        if not self.listening.wait(120):
            self.process.kill()
            raise RuntimeError("tradelint serve did not start:\n" + "".join(self.stderr_lines))

    def _read_log(self):
        for line in self.process.stderr:
            self.stderr_lines.append(line)
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            self.log.append(entry)
            if entry.get("event") == "listening":
                self.listening.set()
        self.listening.set()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.stop()

    def stop(self, timeout=60):
        """Sends SIGTERM and returns the exit status."""
        self.process.terminate()
        try:
            status = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        self.reader.join(10)
        return status

    def rss_kib(self):
        """The server's resident memory (VmRSS), in KiB."""
        with open("/proc/%d/status" % self.process.pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def connection(self, timeout=60):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None):
        """(status, headers as a dict with lower-case names, body text) of one request on a
        new connection."""
        connection = self.connection()
        try:
            if isinstance(body, str):
                body = body.encode("utf-8")
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            data = response.read().decode("utf-8", errors="replace")
            return response.status, {k.lower(): v for k, v in response.getheaders()}, data
        finally:
            connection.close()

    def json(self, method, path, body=None, headers=None):
        """(status, parsed JSON body) of one request."""
        status, _, text = self.request(method, path, body, headers)
        return status, json.loads(text)

    def url(self, path="/"):
        return "http://127.0.0.1:%d%s" % (self.port, path)


def wait_until(predicate, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False
