"""A minimal LSP client for the tests: frames messages, reads the server's
output on a thread, and waits for responses and notifications with timeouts
(a server that hangs fails the test instead of hanging it)."""
import json
import os
import queue
import subprocess
import threading
import time

TIMEOUT = float(os.environ.get("RC_LSP_TIMEOUT", "30"))


class ServerError(Exception):
    pass


def frame(obj):
    body = json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Server:
    def __init__(self, rccheck, args=(), env=None, cwd=None):
        self.proc = subprocess.Popen([rccheck, "lsp", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env, cwd=cwd)
        self.inbox = queue.Queue()
        self.pending = []          # messages read but not yet claimed
        self.next_id = 1
        self.stderr = b""
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_err, daemon=True).start()

    def _read_err(self):
        self.stderr = self.proc.stderr.read()

    def _read(self):
        f = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = f.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.decode().partition(":")
                headers[k.strip().lower()] = v.strip()
            n = int(headers["content-length"])
            body = f.read(n)
            if len(body) < n:
                self.inbox.put(None)
                return
            self.inbox.put(json.loads(body))

    # ---- sending ----
    def send_raw(self, data):
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass

    def send(self, obj):
        obj = dict(obj)
        obj.setdefault("jsonrpc", "2.0")
        self.send_raw(frame(obj))

    def notify(self, method, params=None):
        self.send({"method": method, "params": params if params is not None else {}})

    def request_async(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        self.send({"id": rid, "method": method, "params": params if params is not None else {}})
        return rid

    def request(self, method, params=None, timeout=TIMEOUT):
        return self.response(self.request_async(method, params), timeout)

    def close_input(self):
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass

    # ---- receiving ----
    def _next(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise ServerError("timed out waiting for the server")
        try:
            m = self.inbox.get(timeout=left)
        except queue.Empty:
            raise ServerError("timed out waiting for the server") from None
        if m is None:
            self.inbox.put(None)  # stays at end of stream
            raise ServerError("the server closed its output")
        return m

    def wait(self, pred, timeout=TIMEOUT, what="a message"):
        for i, m in enumerate(self.pending):
            if pred(m):
                return self.pending.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            try:
                m = self._next(deadline)
            except ServerError as e:
                raise ServerError(f"{e} ({what})") from None
            if pred(m):
                return m
            self.pending.append(m)

    def response(self, rid, timeout=TIMEOUT):
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout, f"response {rid}")

    def diagnostics(self, uri, timeout=TIMEOUT, version=None):
        def ok(m):
            if m.get("method") != "textDocument/publishDiagnostics" or m["params"]["uri"] != uri:
                return False
            return version is None or m["params"].get("version") == version
        return self.wait(ok, timeout, f"diagnostics for {uri}")["params"]

    def drain(self):
        """Every message received so far (claimed or not)."""
        out = list(self.pending)
        self.pending = []
        while True:
            try:
                m = self.inbox.get_nowait()
            except queue.Empty:
                return out
            if m is None:
                self.inbox.put(None)
                return out
            out.append(m)

    def exit_code(self, timeout=TIMEOUT):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise ServerError("the server did not exit (hang)") from None

    # ---- LSP steps ----
    def initialize(self, capabilities=None, options=None):
        r = self.request("initialize", {"processId": os.getpid(), "rootUri": None,
                                        "capabilities": capabilities or {}, "initializationOptions": options})
        self.notify("initialized")
        return r

    def open(self, uri, text, version=1, language="zsh"):
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language,
                                                              "version": version, "text": text}})

    def change(self, uri, text, version):
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [{"text": text}]})

    def stop(self):
        r = self.request("shutdown")
        self.notify("exit")
        self.close_input()
        return r, self.exit_code()


def uri(path):
    from urllib.parse import quote
    return "file://" + quote(path)
