#!/usr/bin/env python3
"""Serves Climb's built bundle on 127.0.0.1 with the headers a deployment should send.

Paths without a file extension fall back to index.html, so the app's routes (/boards, /team)
survive a reload.
"""

import argparse
import functools
import http.server
import os
import sys


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

    def end_headers(self):
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        # index.html must be revalidated so a new release is picked up; hashed assets can be
        # cached (trunk puts a content hash in their names).
        if self.path.endswith((".wasm", ".js", ".css")) and "-" in self.path:
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, fmt, *args):
        if os.environ.get("CLIMB_SERVE_QUIET") != "1":
            super().log_message(fmt, *args)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    parser.add_argument("directory", nargs="?", default="dist")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.directory, "index.html")):
        sys.exit(f"{args.directory}/index.html not found: build first (trunk build --release)")
    handler = functools.partial(Handler, directory=os.path.abspath(args.directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    print(f"Climb is served at http://127.0.0.1:{args.port}/  (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
