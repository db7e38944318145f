"""Benchmark (not a test): the quick spasm diary with 1,000 entries on a slow phone.

Chromium's CPU is slowed 4 times (CDP Emulation.setCPUThrottlingRate, as Lighthouse's mobile
profile does) at a 390 px wide screen. Reports the median of 5 runs, in milliseconds, of:
- open: the page's own `diary-render` measure as it opens (list of the newest 50, both charts,
  the appointment summary; script time only, docs/assets/js/diary/ui.js);
- redraw: read the diary and draw it all again, up to the next frame (so layout is counted),
  as when another tab changes it; with the newest 50 listed, then with all 1,000 listed;
- save: one more entry, from the Save button to the next frame (read, write, redraw).

    python scripts/bench_diary.py [site]     (make bench runs it; needs a built site/)
"""

from __future__ import annotations

import datetime as dt
import json
import random
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
import build_pdfs  # noqa: E402  (next to this file: the same local server and Chromium as the PDFs)

ENTRIES, RUNS, THROTTLE = 1000, 5, 4
AREAS = ["neck", "shoulders", "upper-back", "lower-back", "arms-hands", "legs", "feet", "other"]


def diary(count: int) -> str:
    """A year of made-up entries, with notes of the sizes readers write."""
    rng, now = random.Random(15), dt.datetime.now()
    entries = [{
        "id": f"bench{i:05d}", "when": (now - dt.timedelta(minutes=rng.randrange(365 * 24 * 60))).strftime("%Y-%m-%dT%H:%M"),
        "area": rng.choice(AREAS), "severity": rng.randrange(11), "length": rng.choice(["under-1", "1-5", "6-10", "over-10", ""]),
        "tried": rng.choice(["Stretching", "Heat", "Walking about", "Massage", ""]), "helped": rng.choice(["yes", "a-little", "no", ""]),
        "notes": rng.choice(["", "Woke me at 3am, left calf, \"like a knot\" 😣", "After a long walk.\nBetter by the morning."]),
    } for i in range(count)]
    return json.dumps({"version": 2, "startedAt": now.isoformat(), "backedUpAt": now.isoformat(), "entries": entries})


LAST_RENDER = "performance.getEntriesByName('diary-render').at(-1).duration"
# Run an action, then wait for the next frame to be drawn: the time includes style and layout.
UNTIL_DRAWN = """async action => { const t = performance.now(); eval(action);
  await new Promise(done => requestAnimationFrame(() => setTimeout(done, 0))); return performance.now() - t; }"""
REDRAW = "window.dispatchEvent(new StorageEvent('storage', {key: 'spasm-relief-guide:diary'}))"
SAVE = "document.getElementById('diary-form').requestSubmit()"


def one_run(browser, url: str, stored: str) -> tuple[float, float, float, float]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)  # eval() above
    page = context.new_page()
    page.goto(url)
    page.evaluate("t => localStorage.setItem('spasm-relief-guide:diary', t)", stored)
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    page.reload()
    page.wait_for_function("() => performance.getEntriesByName('diary-render').length > 0")
    opened = page.evaluate(LAST_RENDER)
    redraw = page.evaluate(UNTIL_DRAWN, REDRAW)
    page.get_by_role("group", name="Where was it?").get_by_label("Legs", exact=True).check()
    page.get_by_role("group", name="How bad was it?").get_by_label("6", exact=True).check()
    save = page.evaluate(UNTIL_DRAWN, SAVE)
    assert f"{ENTRIES + 1} entries" in page.inner_text("#diary-count"), "the entry was not saved"
    while page.locator("#diary-more").is_visible():
        page.click("#diary-more")
    redraw_all = page.evaluate(UNTIL_DRAWN, REDRAW)
    assert page.locator(".diary-entry").count() == ENTRIES + 1
    context.close()
    return opened, redraw, save, redraw_all


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    site = Path(argv[0]) if argv else ROOT / "site"
    server, base = build_pdfs.serve(site)
    stored = diary(ENTRIES)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=build_pdfs.CHROMIUM, args=build_pdfs.CHROMIUM_ARGS)
            runs = [one_run(browser, base + "tools/spasm-diary/", stored) for _ in range(RUNS)]
            browser.close()
    finally:
        server.shutdown()
    print(f"\nSpasm diary, {ENTRIES} entries ({len(stored) / 1024:.0f} KB stored), CPU slowed {THROTTLE}x, "
          f"median of {RUNS} runs:")
    labels = ("open: render (script only)", "redraw, newest 50 listed", "save one entry, newest 50 listed",
              f"redraw, all {ENTRIES} listed")
    for label, times in zip(labels, zip(*runs)):
        print(f"  {label:36} {statistics.median(times):7.1f} ms   (runs: {', '.join(f'{t:.0f}' for t in times)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
