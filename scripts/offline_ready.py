"""How long a first visit takes to make the guide "offline ready" on a phone profile (not a test).

    python scripts/offline_ready.py [runs]

Serves site/ (after `make build`) with gzip on 127.0.0.1, opens the home page in Chromium at
phone size with the CPU slowed down 4 times (CDP Emulation.setCPUThrottlingRate), and times,
from the start of the navigation: the page's load event, then the moment the offline worker
takes control, which it does only once it has saved every file (scripts/offline_worker.js).
It runs once on loopback, then once on a slow mobile link made by the server itself (150 ms
for each request and 1.6 Mbit/s shared by all of them, Lighthouse's "slow 4G"), because
Chromium's network emulation does not reach the worker's own downloads. The worker runs on its
own thread, which the CPU throttling may not slow down as much as the page.
"""

from __future__ import annotations

import http.server
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
import lighthouse  # noqa: E402  (its gzip server, as a real host sends the files; next to this file)

CHROMIUM = "/usr/bin/chromium"
RTT_S = 0.150
BYTES_PER_S = 1.6e6 / 8


class SlowLink(lighthouse.GzipHandler):
    """Every answer waits one round trip; all answers share one link's bandwidth."""

    link = threading.Lock()
    sent = {"bytes": 0}

    def send_head(self):
        time.sleep(RTT_S)
        return super().send_head()

    def copyfile(self, source, outputfile):
        data = source.read()
        self.sent["bytes"] += len(data)
        for start in range(0, len(data), 16384):
            chunk = data[start:start + 16384]
            with self.link:  # one chunk at a time on the shared link
                time.sleep(len(chunk) / BYTES_PER_S)
            outputfile.write(chunk)


READY = """() => new Promise((done) => {
  const ready = () => done(performance.now())
  if (navigator.serviceWorker.controller) ready()
  else navigator.serviceWorker.addEventListener("controllerchange", ready)
})"""


def measure(browser, url: str) -> tuple[float, float]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(url, wait_until="load", timeout=120_000)
    loaded = page.evaluate("() => performance.getEntriesByType('navigation')[0].loadEventEnd")
    ready = page.evaluate(READY)
    context.close()
    return loaded / 1000, ready / 1000


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    runs = int(argv[0]) if argv else 3
    lighthouse.SITE = ROOT / "site"
    if not (lighthouse.SITE / "sw.js").is_file():
        print("site/sw.js is missing: run `make build` first.", file=sys.stderr)
        return 1
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for label, handler in (("loopback", lighthouse.GzipHandler), ("slow 4G", SlowLink)):
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            times = [measure(browser, f"http://127.0.0.1:{server.server_address[1]}/") for _ in range(runs)]
            server.shutdown()
            loaded = statistics.median(t[0] for t in times)
            ready = statistics.median(t[1] for t in times)
            print(f"{label:9} CPU x4, median of {runs}: page loaded {loaded:.1f} s, offline ready {ready:.1f} s "
                  f"(runs: {', '.join(f'{t[1]:.1f}' for t in times)})")
        if SlowLink.sent["bytes"]:
            print(f"sent on the slow link: {SlowLink.sent['bytes'] / runs / 1024:.0f} KB a visit (gzip), page and worker")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
