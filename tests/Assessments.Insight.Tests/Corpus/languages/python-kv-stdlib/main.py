# Key-value HTTP service on the standard library only: no framework, one module.
# Every write bumps a global revision so that clients can ask what changed since a revision they saw.
import json
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import RLock

ROUTE = re.compile(r"^/kv/(?P<name>[A-Za-z0-9_.-]{1,128})$")
MAX_BODY = 64 * 1024

revision = 0
data = {}
changed_at = {}
guard = RLock()


def write(name, payload):
    global revision
    with guard:
        revision += 1
        data[name] = payload
        changed_at[name] = revision
        return revision


def remove(name):
    global revision
    with guard:
        if name not in data:
            return False
        revision += 1
        del data[name]
        changed_at.pop(name, None)
        return True


def changed_since(seen):
    with guard:
        return {k: data[k] for k, r in changed_at.items() if r > seen}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def reply(self, status, document=None):
        raw = b"" if document is None else json.dumps(document).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Length", str(len(raw)))
        if raw:
            self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(raw)

    def do_GET(self):
        if self.path == "/health":
            return self.reply(200, {"status": "ok"})
        if self.path.startswith("/kv?since="):
            try:
                seen = int(self.path.split("=", 1)[1])
            except ValueError:
                return self.reply(400, {"error": "since must be a number"})
            return self.reply(200, {"revision": revision, "items": changed_since(seen)})
        match = ROUTE.match(self.path)
        if not match:
            return self.reply(404, {"error": "unknown route"})
        with guard:
            found = match["name"] in data
            payload = data.get(match["name"])
        return self.reply(200, {"value": payload}) if found else self.reply(404, {"error": "missing"})

    def do_PUT(self):
        match = ROUTE.match(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if not match or length > MAX_BODY:
            return self.reply(400 if match else 404, {"error": "bad request"})
        try:
            payload = json.loads(self.rfile.read(length) or b"null")
        except json.JSONDecodeError as problem:
            return self.reply(400, {"error": str(problem)})
        return self.reply(200, {"revision": write(match["name"], payload)})

    def do_DELETE(self):
        match = ROUTE.match(self.path)
        if match and remove(match["name"]):
            return self.reply(204)
        return self.reply(404, {"error": "missing"})

    def log_message(self, format, *args):
        sys.stderr.write("%s %s\n" % (self.command, self.path))


if __name__ == "__main__":
    ThreadingHTTPServer(("0.0.0.0", 8080), Handler).serve_forever()
