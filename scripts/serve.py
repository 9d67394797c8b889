#!/usr/bin/env python3
"""Serves Climb's built bundle on 127.0.0.1 with the headers a deployment should send.

Paths without a file extension fall back to index.html, so the app's routes (/boards, /team)
survive a reload.
"""

import argparse
import base64
import functools
import hashlib
import http.server
import os
import re
import sys


def content_security_policy(index_html):
    """A strict policy: only this origin, WebAssembly allowed, and Trunk's inline loader
    script allowed by its hash (computed from the built index.html, so it follows every
    build)."""
    hashes = []
    for body in re.findall(r"<script[^>]*>(.*?)</script>", index_html, re.S):
        if body.strip():
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest())
            hashes.append("'sha256-%s'" % digest.decode("ascii"))
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "connect-src 'self'",
            "manifest-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".webmanifest": "application/manifest+json",
        ".svg": "image/svg+xml",
    }

    def translate_path(self, path):
        real = super().translate_path(path)
        name = os.path.basename(path.split("?", 1)[0].split("#", 1)[0])
        if not os.path.exists(real) and "." not in name:
            return os.path.join(self.directory, "index.html")
        return real

    csp = ""

    # The build writes brotli (.br) and gzip (.gz) copies of its text files
    # (scripts/postbuild.mjs); they are sent to browsers that accept them, as a CDN would.
    ENCODINGS = (("br", ".br"), ("gzip", ".gz"))

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        accepted = self.headers.get("Accept-Encoding", "")
        if os.path.isfile(path):
            for name, suffix in self.ENCODINGS:
                if name in accepted and os.path.isfile(path + suffix):
                    return self.send_encoded(path, path + suffix, name)
        return super().send_head()

    def send_encoded(self, original, encoded, encoding):
        f = open(encoded, "rb")
        try:
            size = os.fstat(f.fileno()).st_size
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(original))
            self.send_header("Content-Encoding", encoding)
            self.send_header("Content-Length", str(size))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return f
        except Exception:
            f.close()
            raise

    # Browser features Climb never uses are switched off for the page and anything it could
    # embed. Clipboard writing (share links, Markdown) and full screen (room view) stay.
    PERMISSIONS_POLICY = ", ".join(
        [
            "accelerometer=()",
            "autoplay=()",
            "camera=()",
            "display-capture=()",
            "encrypted-media=()",
            "geolocation=()",
            "gyroscope=()",
            "hid=()",
            "magnetometer=()",
            "microphone=()",
            "midi=()",
            "payment=()",
            "picture-in-picture=()",
            "publickey-credentials-get=()",
            "screen-wake-lock=()",
            "serial=()",
            "usb=()",
            "xr-spatial-tracking=()",
            "clipboard-write=(self)",
            "fullscreen=(self)",
        ]
    )

    status = 200

    def send_response(self, code, message=None):
        self.status = code
        super().send_response(code, message)

    def end_headers(self):
        self.send_header("Content-Security-Policy", self.csp)
        self.send_header("Permissions-Policy", self.PERMISSIONS_POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        # index.html must be revalidated so a new release is picked up; hashed assets can be
        # cached (trunk puts a content hash in their names). An error is never cached: the
        # file may exist a moment later.
        if self.status >= 400:
            self.send_header("Cache-Control", "no-store")
        elif self.path.endswith((".wasm", ".js", ".css")) and "-" in self.path:
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, fmt, *args):
        if os.environ.get("CLIMB_SERVE_QUIET") != "1":
            super().log_message(fmt, *args)


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that drops a connection mid-download is not an error worth printing.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    parser.add_argument("directory", nargs="?", default="dist")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.directory, "index.html")):
        sys.exit(f"{args.directory}/index.html not found: build first (trunk build --release)")
    with open(os.path.join(args.directory, "index.html"), encoding="utf-8") as f:
        Handler.csp = content_security_policy(f.read())
    handler = functools.partial(Handler, directory=os.path.abspath(args.directory))
    server = Server(("127.0.0.1", args.port), handler)
    print(f"Climb is served at http://127.0.0.1:{args.port}/  (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
