#!/usr/bin/env python3
"""End-to-end tests of `tradelint serve` (docs/server.md): the API answers what the command
line answers, every malformed request gets a 4xx with a JSON error, and the server stays up:
admission control, time limit, API keys, reload with an atomic swap, graceful stop, static
files without traversal, the structured access log.

Usage: run_server_tests.py PATH/TO/tradelint [unittest arguments]

Standard library only.
"""

import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_harness  # noqa: E402
from serve_harness import E2E_DATA, GOOD_RULES, Server, wait_until  # noqa: E402

TRADELINT = ""
AS_OF = "2025-03-01"


def data(name):
    return os.path.join(E2E_DATA, name)


def read(name):
    with open(data(name), encoding="utf-8") as f:
        return f.read()


def cli(*args, stdin=None):
    return subprocess.run([TRADELINT, *args], input=stdin, capture_output=True, text=True,
                          encoding="utf-8", timeout=300)


def cli_json(*args, stdin=None):
    return json.loads(cli(*args, stdin=stdin).stdout)


def without_sources(report):
    """The report with each record's source reduced to its line (`request:3`, `x.json:3`)."""
    for result in report["results"]:
        result["record"]["source"] = result["record"]["source"].rsplit(":", 1)[-1]
    return report


class ServerTest(unittest.TestCase):
    server = None

    @classmethod
    def setUpClass(cls):
        cls.server = Server(TRADELINT, "--max-body", "1000000")

    @classmethod
    def tearDownClass(cls):
        status = cls.server.stop()
        assert status == 0, "serve exited %d" % status

    def check(self, body, query="", content_type="application/json", headers=None):
        all_headers = {"Content-Type": content_type} if content_type else {}
        all_headers.update(headers or {})
        return self.server.request("POST", "/v1/check" + query, body, all_headers)

    def assertJsonError(self, answer, status, code):
        got_status, headers, body = answer
        self.assertEqual(got_status, status, body)
        self.assertTrue(headers["content-type"].startswith("application/json"), headers)
        error = json.loads(body)["error"]
        self.assertEqual(error["code"], code, body)
        self.assertTrue(error["message"])


class CheckMatchesCliTest(ServerTest):
    """POST /v1/check answers `check --format json` for the same records."""

    def assertSameReport(self, served, expected):
        self.assertEqual(without_sources(served), without_sources(expected))

    def test_one_pretty_printed_record(self):
        body = read("listing_ok.json")
        status, _, text = self.check(body, "?as_of=" + AS_OF)
        self.assertEqual(status, 200, text)
        served = json.loads(text)
        expected = cli_json("check", "--rules", GOOD_RULES, "--format", "json", "--as-of", AS_OF,
                            "--source-name", "request", stdin=body)
        self.assertEqual(served, expected)
        self.assertEqual(served["results"][0]["record"]["source"], "request:1")

    def test_array(self):
        status, _, text = self.check(read("listings_array.json"), "?as_of=" + AS_OF)
        self.assertEqual(status, 200, text)
        expected = cli_json("check", "--rules", GOOD_RULES, "--format", "json", "--as-of", AS_OF,
                            data("listings_array.json"))
        self.assertSameReport(json.loads(text), expected)

    def test_json_lines_with_bad_lines(self):
        body = read("bad.jsonl")
        status, _, text = self.check(body, "?as_of=" + AS_OF, "application/x-ndjson")
        self.assertEqual(status, 200, text)
        expected = cli_json("check", "--rules", GOOD_RULES, "--format", "json", "--as-of", AS_OF,
                            "--source-name", "request", "--input-format", "jsonl", stdin=body)
        self.assertEqual(json.loads(text), expected)
        self.assertGreater(expected["summary"]["invalid"], 0)

    def test_json_lines_without_content_type_are_sniffed(self):
        body = read("listings.jsonl")
        status, _, text = self.check(body, "?as_of=" + AS_OF, content_type=None)
        self.assertEqual(status, 200, text)
        expected = cli_json("check", "--rules", GOOD_RULES, "--format", "json", "--as-of", AS_OF,
                            "--source-name", "request", stdin=body)
        self.assertEqual(json.loads(text), expected)

    def test_envelope_parameters_and_index_sources(self):
        records = [json.loads(line) for line in read("listings.jsonl").splitlines() if line.strip()]
        envelope = {"records": records, "market": ["DE", "FR"], "as_of": AS_OF, "lang": "de"}
        status, _, text = self.check(json.dumps(envelope))
        self.assertEqual(status, 200, text)
        served = json.loads(text)
        lines = "".join(json.dumps(record) + "\n" for record in records)
        expected = cli_json("check", "--rules", GOOD_RULES, "--format", "json", "--as-of", AS_OF,
                            "--market", "DE,FR", "--lang", "de", "--source-name", "request",
                            "--input-format", "jsonl", stdin=lines)
        self.assertEqual(served, expected)
        self.assertEqual([r["record"]["source"] for r in served["results"]][-1],
                         "request:%d" % len(records))

    def test_query_parameters(self):
        body = read("listing_ok.json")
        status, _, text = self.check(body, "?market=fr&as_of=%s&lang=fr" % AS_OF)
        self.assertEqual(status, 200, text)
        expected = cli_json("check", "--rules", GOOD_RULES, "--format", "json", "--as-of", AS_OF,
                            "--market", "FR", "--lang", "fr", "--source-name", "request",
                            stdin=body)
        self.assertEqual(json.loads(text), expected)

    def test_horizon_as_a_query_parameter_and_an_envelope_member(self):
        """`horizon` is `check --horizon`: at 2023-06-01, the fixture rules in force from
        2024-01-01 that would fire are `upcoming` within 12 months."""
        body = read("listings.jsonl")
        expected = cli_json("check", "--rules", GOOD_RULES, "--format", "json", "--as-of",
                            "2023-06-01", "--horizon", "12", "--source-name", "request",
                            "--input-format", "jsonl", stdin=body)
        self.assertTrue(any(r.get("upcoming") for r in expected["results"]), expected)
        status, _, text = self.check(body, "?as_of=2023-06-01&horizon=12", "application/x-ndjson")
        self.assertEqual(status, 200, text)
        self.assertEqual(json.loads(text), expected)
        records = [json.loads(line) for line in body.splitlines() if line.strip()]
        envelope = {"records": records, "as_of": "2023-06-01", "horizon": 12}
        status, _, text = self.check(json.dumps(envelope))
        self.assertEqual(status, 200, text)
        self.assertEqual(json.loads(text)["results"][0].get("upcoming"),
                         expected["results"][0].get("upcoming"))
        for bad in ("-1", "1201", "1.5", "twelve"):
            answer = self.check(body, "?as_of=2023-06-01&horizon=" + bad, "application/x-ndjson")
            self.assertJsonError(answer, 400, "invalid_parameter")
            self.assertIn("horizon: `%s`" % bad, answer[2])
        envelope["horizon"] = [12]
        self.assertJsonError(self.check(json.dumps(envelope)), 400, "invalid_envelope")

    def test_formats_by_name(self):
        body = read("listings.jsonl")
        for name, content_type in (("sarif", "application/sarif+json"),
                                   ("junit", "application/xml"), ("jsonl", "application/x-ndjson")):
            status, headers, text = self.check(body, "?format=%s&as_of=%s" % (name, AS_OF),
                                               "application/x-ndjson")
            self.assertEqual(status, 200, text)
            self.assertTrue(headers["content-type"].startswith(content_type), headers)
            expected = cli("check", "--rules", GOOD_RULES, "--format", name, "--as-of", AS_OF,
                           "--source-name", "request", "--input-format", "jsonl", stdin=body)
            self.assertEqual(text, expected.stdout)

    def test_html_through_the_command_line_writers(self):
        """html (Accept: text/html or ?format=html) is whatever `check --format html` is in
        this build: the same report, or 406 while the command line has no such format."""
        body = read("listing_ok.json")
        has_html = cli("check", "--rules", GOOD_RULES, "--format", "html", "--as-of", AS_OF,
                       stdin=body).returncode != 2
        for answer in (self.check(body, "?format=html"),
                       self.check(body, headers={"Accept": "text/html"})):
            if has_html:
                self.assertEqual(answer[0], 200, answer[2])
                self.assertTrue(answer[1]["content-type"].startswith("text/html"))
            else:
                self.assertJsonError(answer, 406, "not_acceptable")

    def test_catalogue_routes_answer_the_commands(self):
        status, served = self.server.json("GET", "/v1/rules?market=DE&as_of=" + AS_OF)
        self.assertEqual(status, 200)
        self.assertEqual(served, cli_json("rules", "--rules", GOOD_RULES, "--market", "DE",
                                          "--as-of", AS_OF, "--format", "json"))
        status, served = self.server.json("GET", "/v1/fields?market=DE&as_of=" + AS_OF)
        self.assertEqual(status, 200)
        self.assertEqual(served, cli_json("fields", "--rules", GOOD_RULES, "--market", "DE",
                                          "--as-of", AS_OF, "--format", "json"))
        status, served = self.server.json("GET", "/v1/init?market=DE&as_of=" + AS_OF)
        self.assertEqual(status, 200)
        self.assertEqual(served, cli_json("init", "listing", "--rules", GOOD_RULES, "--market",
                                          "DE", "--as-of", AS_OF))
        status, markets = self.server.json("GET", "/v1/markets")
        self.assertEqual(status, 200)
        self.assertIn("EU", [m["code"] for m in markets["markets"]])
        self.assertIn("DE", markets["countries"])
        status, categories = self.server.json("GET", "/v1/categories")
        self.assertEqual(status, 200)
        self.assertIn("toy", categories["categories"])


class MalformedRequestTest(ServerTest):
    """Every malformed request is a 4xx with a JSON error body."""

    def test_bodies(self):
        self.assertJsonError(self.check('{"kind": "listing",'), 400, "malformed_json")
        self.assertJsonError(self.check("[" * 200 + "]" * 200), 400, "too_deep")
        self.assertJsonError(self.check("{}", content_type="text/csv"), 415,
                             "unsupported_media_type")
        self.assertJsonError(self.check("x" * 1000001), 413, "too_large")
        self.assertJsonError(self.check(b'{"kind": "\xff"'), 400, "malformed_json")
        self.assertJsonError(self.check('{"records": {}}'), 400, "invalid_envelope")
        self.assertJsonError(self.check('{"records": [], "markets": "DE"}'), 400,
                             "invalid_envelope")

    def test_parameters(self):
        body = read("listing_ok.json")
        self.assertJsonError(self.check(body, "?market=XX"), 400, "invalid_parameter")
        self.assertJsonError(self.check(body, "?as_of=2025-02-30"), 400, "invalid_parameter")
        self.assertJsonError(self.check(body, "?lang=d"), 400, "invalid_parameter")
        self.assertJsonError(self.check(body, "?format=pdf"), 406, "not_acceptable")
        self.assertJsonError(self.server.request("GET", "/v1/fields"), 400, "invalid_parameter")
        self.assertJsonError(self.server.request("GET", "/v1/fields?market=DE&category=toys"),
                             400, "invalid_parameter")
        self.assertJsonError(self.server.request("GET", "/v1/rules?as_of=x"), 400,
                             "invalid_parameter")

    def test_methods_and_paths(self):
        self.assertJsonError(self.server.request("GET", "/v1/check"), 405, "method_not_allowed")
        self.assertJsonError(self.server.request("DELETE", "/v1/rules"), 405,
                             "method_not_allowed")
        self.assertJsonError(self.server.request("GET", "/v2/check"), 404, "not_found")
        self.assertJsonError(self.server.request("POST", "/v1/admin/reload"), 403, "forbidden")

    def raw(self, data):
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=30) as s:
            s.sendall(data)  # not half-closed: the server may still be reading when it would see EOF
            chunks = []
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        return b"".join(chunks).decode("utf-8", errors="replace")

    def test_broken_http(self):
        for request in (b"NONSENSE\r\n", b"GET\r\n\r\n", b"\x00\x01\xff /\r\n\r\n",
                        b"GET / HTTP/1.1 x\r\n\r\n"):
            answer = self.raw(request)
            self.assertTrue(answer.startswith("HTTP/1.1 400"), answer)
            body = json.loads(answer.split("\r\n\r\n", 1)[1])
            self.assertEqual(body["error"]["code"], "bad_request")


class StaticFilesTest(ServerTest):
    def test_page_and_security_headers(self):
        status, headers, text = self.server.request("GET", "/")
        self.assertEqual(status, 200)
        self.assertIn("<html", text)
        policy = headers["content-security-policy"]
        self.assertIn("script-src 'self'", policy)
        self.assertNotIn("unsafe-inline", policy)
        status, headers, _ = self.server.request("GET", "/app.js")
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("text/javascript"))

    def test_no_traversal(self):
        for path in ("/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/app.js/../../etc/passwd",
                     "/..%2f..%2fetc%2fpasswd", "/appxjs", "/index.html/", "//etc/passwd",
                     "/web/app.js", "/.%2e/CMakeLists.txt"):
            status, _, text = self.server.request("GET", path)
            self.assertEqual(status, 404, path)
            self.assertNotIn("root:", text)


class OperationsTest(ServerTest):
    def test_health_and_metrics(self):
        status, health = self.server.json("GET", "/healthz")
        self.assertEqual(status, 200)
        self.assertEqual(health["status"], "ok")
        self.assertGreater(health["rules"], 0)
        self.check(read("listings.jsonl"), "?as_of=" + AS_OF, "application/x-ndjson")
        # A request is counted once its answer is sent: wait for the check to be counted.
        self.assertTrue(wait_until(lambda: 'route="/v1/check"' in self.server.request(
            "GET", "/metrics")[2]))
        status, headers, text = self.server.request("GET", "/metrics")
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("text/plain; version=0.0.4"))
        for expected in ('tradelint_http_requests_total{route="/v1/check",status="200"}',
                         'tradelint_http_request_duration_seconds_bucket{route="/v1/check",le="+Inf"}',
                         "tradelint_records_checked_total ", 'tradelint_findings_total{severity="error"}',
                         "tradelint_rules_loaded ", "tradelint_ruleset_info{", "tradelint_ruleset_generation 1"):
            self.assertIn(expected, text)

    def test_access_log(self):
        self.server.request("GET", "/healthz?probe=1")
        self.assertTrue(wait_until(lambda: any(
            e.get("event") == "request" and e.get("path") == "/healthz" for e in self.server.log)))
        entry = [e for e in self.server.log if e.get("path") == "/healthz"][-1]
        for key in ("time", "method", "status", "bytes", "duration_us", "remote"):
            self.assertIn(key, entry)


class LimitsTest(unittest.TestCase):
    def test_time_limit(self):
        records = [line for line in read("listings.jsonl").splitlines() if line.strip()]
        body = "\n".join(records[i % len(records)] for i in range(20000)) + "\n"
        with Server(TRADELINT, "--time-limit", "1") as server:
            status, headers, text = server.request("POST", "/v1/check", body,
                                                   {"Content-Type": "application/x-ndjson"})
            self.assertEqual(status, 503, text[:300])
            self.assertEqual(json.loads(text)["error"]["code"], "time_limit")
            self.assertIn("retry-after", headers)
            self.assertEqual(server.request("GET", "/healthz")[0], 200)

    def test_admission_control(self):
        """With one worker and no queue, a connection held open takes the worker; the next one
        is refused with 503 and Retry-After at once, and served again once the worker is free."""
        with Server(TRADELINT, "--workers", "1", "--queue", "0", "--read-timeout", "30") as server:
            holder = self.hold_the_worker(server)
            status, headers, text = server.request("GET", "/healthz")
            self.assertEqual(status, 503, text)
            self.assertEqual(headers["retry-after"], "1")
            self.assertEqual(json.loads(text)["error"]["code"], "overloaded")
            holder.sendall(b"Connection: close\r\n\r\n")
            self.assertTrue(holder.recv(65536).startswith(b"HTTP/1.1 200"))
            holder.close()
            # The one worker may still be closing the last connection: a request can be refused
            # again for a moment, so wait for /metrics itself and count at least one refusal.
            metrics = {}

            def metrics_answered():
                status, _, metrics["text"] = server.request("GET", "/metrics")
                return status == 200

            self.assertTrue(wait_until(metrics_answered))
            self.assertRegex(metrics["text"], r"(?m)^tradelint_http_rejected_total [1-9]")

    def hold_the_worker(self, server):
        """Opens a connection that sends half its headers and so keeps the one worker busy.

        The worker may still be closing an earlier connection when the holder arrives; then the
        holder itself is refused (the refusal thread waits for its headers), and the worker is
        free again. So a holder counts only once another request is refused while it is open."""
        for _ in range(20):
            holder = socket.create_connection(("127.0.0.1", server.port))
            holder.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # headers not finished
            time.sleep(0.3)
            probe = socket.create_connection(("127.0.0.1", server.port))
            probe.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            probe.settimeout(10)
            refused = probe.recv(65536).startswith(b"HTTP/1.1 503")
            probe.close()
            if refused:
                return holder
            holder.close()
        self.fail("no connection held the one worker in 20 attempts")

    def test_graceful_stop(self):
        """SIGTERM lets the request in flight finish, then the server exits 0."""
        records = [line for line in read("listings.jsonl").splitlines() if line.strip()]
        body = "\n".join(records[i % len(records)] for i in range(3000)) + "\n"
        server = Server(TRADELINT)
        answers = []
        request = threading.Thread(target=lambda: answers.append(server.request(
            "POST", "/v1/check", body, {"Content-Type": "application/x-ndjson"})))
        request.start()
        time.sleep(0.05)
        self.assertEqual(server.stop(), 0)
        request.join()
        self.assertEqual(answers[0][0], 200)
        self.assertEqual(json.loads(answers[0][2])["summary"]["records"], 3000)


class KeysAndReloadTest(unittest.TestCase):
    KEY = "s3cret-key-for-tests"

    def setUp(self):
        self.directory = tempfile.mkdtemp()
        self.rules = os.path.join(self.directory, "rules")
        shutil.copytree(GOOD_RULES, self.rules)
        self.keys = os.path.join(self.directory, "keys")
        with open(self.keys, "w") as f:
            f.write("# test keys\n%s ci\n" % hashlib.sha256(self.KEY.encode()).hexdigest())

    def tearDown(self):
        shutil.rmtree(self.directory)

    def test_keys_and_reload(self):
        auth = {"Authorization": "Bearer " + self.KEY}
        body = read("listing_ok.json")
        with Server(TRADELINT, "--api-keys", self.keys, rules=self.rules) as server:
            status, _, text = server.request("POST", "/v1/check", body)
            self.assertEqual(status, 401, text)
            self.assertEqual(json.loads(text)["error"]["code"], "unauthorized")
            self.assertEqual(server.request("POST", "/v1/check", body,
                                            {"Authorization": "Bearer wrong"})[0], 401)
            self.assertEqual(server.request("POST", "/v1/check", body, auth)[0], 200)
            self.assertEqual(server.request("POST", "/v1/check", body,
                                            {"X-API-Key": self.KEY})[0], 200)
            self.assertEqual(server.request("GET", "/healthz")[0], 200)
            self.assertEqual(server.request("GET", "/v1/openapi.json")[0], 200)
            self.assertEqual(server.request("POST", "/v1/admin/reload")[0], 401)

            status, reloaded = server.json("POST", "/v1/admin/reload", headers=auth)
            self.assertEqual(status, 200)
            self.assertEqual((reloaded["reloaded"], reloaded["generation"]), (True, 2))
            rules_before = server.json("GET", "/v1/rules", headers=auth)[1]

            broken = os.path.join(self.rules, "broken.trl")
            with open(broken, "w") as f:
                f.write("ruleset broken {\n  rule x { require ( }\n")
            status, failed = server.json("POST", "/v1/admin/reload", headers=auth)
            self.assertEqual(status, 422)
            self.assertEqual((failed["reloaded"], failed["generation"]), (False, 2))
            self.assertEqual(failed["error"]["code"], "ruleset_error")
            self.assertTrue(failed["diagnostics"])
            self.assertEqual(failed["diagnostics"][0]["file"].rsplit("/", 1)[-1], "broken.trl")
            self.assertEqual(server.json("GET", "/v1/rules", headers=auth)[1], rules_before)
            self.assertEqual(server.request("POST", "/v1/check", body, auth)[0], 200)

            os.remove(broken)
            server.process.send_signal(signal.SIGHUP)
            self.assertTrue(wait_until(
                lambda: server.json("GET", "/healthz")[1]["generation"] == 3))

    def test_bad_key_file(self):
        with open(self.keys, "w") as f:
            f.write("not-a-hash\n")
        process = subprocess.run([TRADELINT, "serve", "--api-keys", self.keys, "--port", "0"],
                                 capture_output=True, text=True, timeout=60)
        self.assertEqual(process.returncode, 2)
        self.assertIn("not a SHA-256 hash", process.stderr)


if __name__ == "__main__":
    TRADELINT = os.path.abspath(sys.argv.pop(1))
    unittest.main()
