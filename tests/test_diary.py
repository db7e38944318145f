"""The quick spasm diary (tools/spasm-diary): its pure functions (CSV, summary, format upgrade) run
in Chromium by dynamic import, then the page itself: add, list, delete, export and import, a bad
file, blocked or full storage, no request while it is used, axe, focus and printing; last, the same
page in Spanish (<html lang="es">) and a diary moved between the two languages through a file.

Every expected value below is written out by hand from the rules (RFC 4180, the week starting on
Monday, the version 1 format described in docs/assets/js/diary/store.js), not copied from the code.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess

import pytest

from test_quality import axe_violations, layout_problems

EDITIONS = ("en",)  # the English page's words; the Spanish words are tested on the same page served as lang="es" (below)
KEY = "spasm-relief-guide:diary"
PAGE = "tools/spasm-diary/"
TRICKY = 'Cramp, then "knots" again\nwoke at 3am 😣 — calf, left\r\nsecond line, "quoted"'


@pytest.fixture
def context(browser):
    context = browser.new_context(timezone_id="UTC", viewport={"width": 390, "height": 844})
    yield context
    context.close()


@pytest.fixture
def diary(context, base_url):
    page = context.new_page()
    page.goto(base_url + PAGE)
    page.wait_for_selector("#diary:not([hidden])")
    return page


def stored(page) -> dict | None:
    text = page.evaluate("key => localStorage.getItem(key)", KEY)
    return None if text is None else json.loads(text)


def seed(page, state: dict) -> None:
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, json.dumps(state)])
    page.reload()
    page.wait_for_selector("#diary:not([hidden])")


def when(days_ago: int, hour: int = 21) -> str:
    day = dt.datetime.now(dt.timezone.utc).date() - dt.timedelta(days=days_ago)
    return f"{day.isoformat()}T{hour:02d}:15"


def entry(id_: str, days_ago: int, **fields) -> dict:
    base = {"id": id_, "when": when(days_ago), "area": "legs", "severity": 5, "length": "1-5",
            "tried": "", "helped": "", "notes": ""}
    return base | fields


def state(*entries, started_days_ago: int = 1, backed_up_days_ago: int | None = None) -> dict:
    now = dt.datetime.now(dt.timezone.utc)
    iso = lambda days: (now - dt.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.000Z")  # noqa: E731
    return {"version": 2, "startedAt": iso(started_days_ago),
            "backedUpAt": None if backed_up_days_ago is None else iso(backed_up_days_ago), "entries": list(entries)}


def add(page, area: str, severity: int, notes: str = "", tried: str = "", helped: str = "", lasted: str = "") -> None:
    page.get_by_role("group", name="Where was it?").get_by_label(area, exact=True).check()
    page.get_by_role("group", name="How bad was it?").get_by_label(str(severity), exact=True).check()
    if lasted:
        page.get_by_role("group", name="How long did it last?").get_by_label(lasted, exact=True).check()
    if tried:
        page.fill("#diary-tried", tried)
    if helped:
        page.get_by_role("group", name="Did it help?").get_by_label(helped, exact=True).check()
    page.fill("#diary-notes", notes)
    page.get_by_role("button", name="Save this spasm").click()


def module_call(page, module: str, body: str, arg=None):
    """Run `body` (an expression using `m`, the module) in the page, the module loaded by import()."""
    return page.evaluate(
        f"async arg => {{ const m = await import(new URL('../../assets/js/diary/{module}', location.href)); return {body}; }}", arg)


# --- pure functions ----------------------------------------------------------------------------

def test_csv_quotes_fields_as_rfc_4180_says(diary):
    text = module_call(diary, "csv.js", "m.toCSV(arg)", [["plain", 'say "hi"', "a,b", "two\nlines", " space", ""]])
    assert text == 'plain,"say ""hi""","a,b","two\nlines"," space",\r\n'
    parsed = module_call(diary, "csv.js", "m.parseCSV(arg)", text + "x,y\r\n")
    assert [r["fields"] for r in parsed["records"]] == [["plain", 'say "hi"', "a,b", "two\nlines", " space", ""], ["x", "y"]]
    assert [r["line"] for r in parsed["records"]] == [1, 3]  # the second record starts after the quoted line break


def test_csv_export_then_import_gives_back_the_same_entries(diary):
    entries = [entry("a1", 0, notes=TRICKY, tried="Heat, then stretch", helped="a-little", length="over-10"),
               entry("b2", 3, area="feet", severity=None, length="", notes="🦶 toes, curled")]
    text = module_call(diary, "csv.js", "m.entriesToCSV(arg)", entries)
    assert text.startswith("\ufeffEntry ID,Date and time,Where,How bad (0-10),How long,What I tried,Did it help,Notes\r\n")
    assert f"a1,{entries[0]['when'].replace('T', ' ')},Legs,5,More than 10 minutes,\"Heat, then stretch\",A little," in text
    back = module_call(diary, "csv.js", "m.entriesFromCSV(arg)", text)
    assert back == {"entries": entries, "problems": []}


@pytest.mark.parametrize("text,expected", [
    ("Date,Amount\n2026-11-01,12.50\n", ["Line 1: this is not a diary file saved by this page."]),
    ("", ["The file is empty."]),
    ('Entry ID,Date and time,Where,How bad (0-10),How long,What I tried,Did it help,Notes\n'
     'a,2026-11-01 10:00,Legs,3,,,,"never closed\n', ["Line 2: a quote mark is opened but never closed."]),
    # line 2 holds a note over two lines, so the bad records start on lines 4 and 5: every problem is listed
    ('Entry ID,Date and time,Where,How bad (0-10),How long,What I tried,Did it help,Notes\n'
     'a,2026-11-01 10:00,Legs,3,,,,"two\nlines"\n'
     'b,01/11/2026 10:00,Knees,11,,,,\n'
     'c,2026-11-02 10:00,Feet,2,,,Maybe,\n',
     ['Line 4: the date and time "01/11/2026 10:00" should look like 2026-11-30 21:45.',
      'Line 4: "Knees" is not a body area.', 'Line 4: how bad is "11"; it should be a whole number from 0 to 10.',
      'Line 5: "Maybe" should be one of: Yes, A little, No, Not sure.']),
])
def test_a_bad_csv_is_refused_naming_the_line(diary, text, expected):
    assert_refused(diary, text, expected)


def assert_refused(page, text: str, expected: list[str]) -> None:
    """The file imports nothing, and its problems start as expected, in order, all of them."""
    result = module_call(page, "csv.js", "m.entriesFromCSV(arg)", text)
    assert result["entries"] == []
    assert len(result["problems"]) == len(expected), result["problems"]
    for problem, start in zip(result["problems"], expected):
        assert problem.startswith(start), (problem, start)


def test_summary_counts_the_last_four_weeks(diary):
    # Thursday 3 December 2026: this week began on Monday 30 November; four weeks began on 9 November.
    entries = [
        entry("1", 0, when="2026-12-03T02:00", severity=6, tried="Heat", helped="yes", length="over-10"),
        entry("2", 0, when="2026-11-30T23:00", severity=8, area="feet", tried="heat ", helped="a-little"),
        entry("3", 0, when="2026-11-29T10:00", severity=8, tried="Walking about", helped="no"),
        entry("4", 0, when="2026-11-09T00:00", severity=2, area="neck"),
        entry("5", 0, when="2026-11-08T23:59", severity=10),  # the Sunday before: left out
    ]
    s = module_call(diary, "summary.js", "m.appointment(arg, new Date(2026, 11, 3, 12))", entries)
    assert (s["from"], s["to"], s["total"], s["over10"]) == ("2026-11-09", "2026-12-03", 4, 1)
    assert [(w["start"], w["count"], w["worst"]) for w in s["weeks"]] == [
        ("2026-11-09", 1, 2), ("2026-11-16", 0, None), ("2026-11-23", 1, 8), ("2026-11-30", 2, 8)]
    assert s["worst"]["id"] == "2"  # two at 8 out of 10: the more recent one
    assert s["helped"] == [{"tried": "Heat", "count": 2}]  # "heat " and "Heat" are the same thing
    assert s["notHelped"] == [{"tried": "Walking about", "count": 1}]
    assert [(a["label"], a["count"]) for a in s["areas"]] == [("Neck", 1), ("Legs", 2), ("Feet", 1)]


def test_backup_reminder_after_three_weeks(diary):
    now = "new Date('2026-12-03T12:00:00Z')"
    cases = {  # [startedAt, backedUpAt, has entries] -> reminder?
        ("2026-11-12T12:00:01Z", None, True): False,  # 20 days and 23 hours
        ("2026-11-12T12:00:00Z", None, True): True,
        ("2026-10-01T00:00:00Z", "2026-11-20T00:00:00Z", True): False,
        ("2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", True): True,
        ("2026-10-01T00:00:00Z", None, False): False,
    }
    for (started, backed_up, has_entries), expected in cases.items():
        diary_state = {"startedAt": started, "backedUpAt": backed_up, "entries": [{}] if has_entries else []}
        assert module_call(diary, "summary.js", f"m.needsBackup(arg, {now})", diary_state) is expected, (started, backed_up)


V1 = {"version": 1, "rows": [
    {"date": "2026-11-02", "time": "21:30", "muscle": "left calf", "minutes": "5", "pain": "7",
     "tried": "stretching", "helped": "yes", "medicines": ""},
    {"date": "2026-11-03", "time": "", "muscle": "Lower back, right side", "minutes": "about 20", "pain": "very bad",
     "tried": "hot water bottle", "helped": "a bit, after an hour", "medicines": "started amitriptyline, 10 mg"},
    {"date": "3/11", "time": "07:05", "muscle": "toes", "minutes": "12", "pain": "4", "tried": "", "helped": "No",
     "medicines": ""},
]}


def test_version_1_upgrades_to_version_2_keeping_every_word(diary):
    upgraded = module_call(diary, "store.js", "m.fromStored(JSON.stringify(arg), new Date('2026-12-03T12:00:00Z'))", V1)
    assert upgraded["upgraded"] is True
    new = upgraded["state"]
    assert new["version"] == 2 and new["backedUpAt"] is None
    assert len({e["id"] for e in new["entries"]}) == 3 and all(len(e["id"]) == 18 for e in new["entries"])
    got = [(e["when"], e["area"], e["severity"], e["length"], e["tried"], e["helped"]) for e in new["entries"]]
    assert got == [
        ("2026-11-02T21:30", "legs", 7, "1-5", "stretching", "yes"),
        ("2026-11-03T00:00", "lower-back", None, "", "hot water bottle", "a-little"),
        ("2026-12-03T07:05", "feet", 4, "over-10", "", "no"),
    ]
    for row, upgraded_entry in zip(V1["rows"], new["entries"]):
        kept = json.dumps(upgraded_entry, ensure_ascii=False)
        for name, value in row.items():
            assert value.lower() in kept.lower(), f"{name}: {value!r} was lost: {kept}"


def test_version_1_in_storage_is_upgraded_on_load_and_a_copy_kept(diary):
    diary.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, json.dumps(V1)])
    diary.reload()
    diary.wait_for_selector("#diary:not([hidden])")
    now = stored(diary)
    assert now["version"] == 2 and len(now["entries"]) == 3
    assert json.loads(diary.evaluate("key => localStorage.getItem(key + ':version-1-copy')", KEY)) == V1
    assert diary.locator(".diary-entry").count() == 3
    assert "Muscle: left calf" in diary.locator(".diary-entry").last.text_content()


def test_a_newer_format_is_never_overwritten(diary):
    newer = json.dumps({"version": 3, "things": ["kept"]})
    diary.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, newer])
    diary.reload()
    assert "newer version of this page" in diary.locator("#diary-alert").inner_text()
    add(diary, "Neck", 3)
    assert diary.evaluate("key => localStorage.getItem(key)", KEY) == newer


# --- the page ------------------------------------------------------------------------------------

def test_add_list_and_delete_through_the_page(diary):
    diary.fill("#diary-when", when(2, 8))
    add(diary, "Lower back", 4, notes="after gardening")
    assert diary.evaluate("document.activeElement.id") == "diary-saved"  # the confirmation is read out
    assert "Saved: Lower back, 4 out of 10" in diary.locator("#diary-saved").inner_text()
    assert diary.input_value("#diary-notes") == "" and diary.input_value("#diary-when") != when(2, 8)
    add(diary, "Feet", 9)  # "when" defaults to now: newer than the first
    entries = diary.locator(".diary-entry")
    assert entries.count() == 2
    assert "Feet" in entries.nth(0).text_content() and "Lower back" in entries.nth(1).text_content()
    assert "2 entries" in diary.locator("#diary-count").inner_text()

    diary.reload()  # kept in storage
    assert diary.locator(".diary-entry").count() == 2
    diary.once("dialog", lambda d: d.accept())
    diary.locator(".diary-entry").nth(1).get_by_role("button", name="Delete").click()
    assert [e["area"] for e in stored(diary)["entries"]] == ["feet"]
    assert diary.evaluate("document.activeElement.id") == "diary-status"

    diary.once("dialog", lambda d: d.dismiss())
    diary.get_by_role("button", name="Delete all entries").click()
    assert len(stored(diary)["entries"]) == 1  # said no: nothing deleted
    diary.once("dialog", lambda d: d.accept())
    diary.get_by_role("button", name="Delete all entries").click()
    assert stored(diary)["entries"] == [] and diary.locator(".diary-entry").count() == 0


def test_saving_without_area_or_severity_says_what_is_missing(diary):
    diary.get_by_role("button", name="Save this spasm").click()
    message = diary.locator("#diary-saved")
    assert message.get_attribute("role") == "alert"
    assert "Choose where the spasm was." in message.inner_text() and "Choose how bad" in message.inner_text()
    assert diary.evaluate("document.activeElement.name") == "area"
    assert stored(diary) is None


def test_export_and_import_round_trip_through_the_page(diary, tmp_path):
    add(diary, "Legs", 7, notes=TRICKY.replace("\r\n", "\n"), tried="Heat, then stretch", helped="A little",
        lasted="More than 10 minutes")
    add(diary, "Other", 0, notes='only "quotes", and commas,,,')
    before = stored(diary)["entries"]
    assert [e["length"] for e in before] == ["over-10", ""]
    with diary.expect_download() as download:
        diary.get_by_role("button", name="Export my diary").click()
    path = tmp_path / "export.csv"
    download.value.save_as(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfEntry ID,") and "😣".encode() in raw
    assert stored(diary)["backedUpAt"] is not None

    diary.once("dialog", lambda d: d.accept())
    diary.get_by_role("button", name="Delete all entries").click()
    diary.set_input_files("#diary-import", str(path))
    diary.wait_for_function("() => document.querySelectorAll('.diary-entry').length === 2")
    assert sorted(stored(diary)["entries"], key=lambda e: e["id"]) == sorted(before, key=lambda e: e["id"])
    assert "Added 2 entries" in diary.locator("#diary-status").inner_text()

    diary.set_input_files("#diary-import", str(path))  # the same file again: nothing doubled
    diary.wait_for_function("() => document.getElementById('diary-status').textContent.includes('already in your diary')")
    assert len(stored(diary)["entries"]) == 2


def test_a_malformed_or_foreign_file_changes_nothing(diary):
    seed(diary, state(entry("keep", 1, notes="mine")))
    text_before = diary.evaluate("key => localStorage.getItem(key)", KEY)
    bad = ("Entry ID,Date and time,Where,How bad (0-10),How long,What I tried,Did it help,Notes\r\n"
           "new1,2026-11-01 10:00,Legs,3,,,,\r\nnew2,2026-11-02 10:00,Elbow,3,,,,\r\n")
    diary.set_input_files("#diary-import", files=[{"name": "bad.csv", "mimeType": "text/csv", "buffer": bad.encode()}])
    status = diary.locator("#diary-status")
    status.get_by_text("Nothing was changed").wait_for()
    assert 'Line 3: "Elbow" is not a body area' in status.inner_text()
    assert status.get_attribute("role") == "alert"
    foreign = "Date,Description,Amount\n2026-11-01,Coffee,2.50\n"
    diary.set_input_files("#diary-import", files=[{"name": "bank.csv", "mimeType": "text/csv", "buffer": foreign.encode()}])
    diary.wait_for_function("() => document.getElementById('diary-status').textContent.includes('bank.csv')")
    assert "Line 1: this is not a diary file" in status.inner_text()
    assert diary.evaluate("key => localStorage.getItem(key)", KEY) == text_before
    assert diary.locator(".diary-entry").count() == 1


FULL = "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };"
BLOCKED = ("Object.defineProperty(window, 'localStorage', "
           "{ get() { throw new DOMException('blocked', 'SecurityError'); } });")


@pytest.mark.parametrize("script,message,where", [
    (FULL, "storage for this site is full", "#diary-saved"),  # said when saving
    (BLOCKED, "not letting this page save anything", "#diary-alert"),  # said as the page opens
])
def test_full_or_blocked_storage_is_said_and_the_entry_stays_in_the_form(context, base_url, script, message, where):
    context.add_init_script(script)
    page = context.new_page()
    page.goto(base_url + PAGE)
    add(page, "Neck", 6, notes="please keep me")
    box = page.locator(where)
    assert message in box.inner_text() and box.get_attribute("role") == "alert"
    assert page.input_value("#diary-notes") == "please keep me"
    assert page.locator(".diary-entry").count() == 0


def test_backup_reminder_shows_and_goes_after_export(diary):
    seed(diary, state(entry("a", 1), started_days_ago=30))
    reminder = diary.locator("#diary-reminder")
    assert reminder.is_visible()
    with diary.expect_download():
        reminder.get_by_role("button", name="Export my diary").click()
    assert reminder.is_hidden()
    seed(diary, state(entry("a", 1), started_days_ago=30, backed_up_days_ago=5))
    assert reminder.is_hidden()


def requests_while(page, actions) -> list[str]:
    made = []
    page.on("request", lambda request: made.append(request.url))
    actions(page)
    page.wait_for_timeout(300)
    return made


def use_the_diary(page):
    add(page, "Shoulders", 5, notes="no requests, please 🙂", tried="Heat", helped="Yes")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my diary").first.click()
    page.once("dialog", lambda d: d.accept())
    page.locator(".diary-entry").first.get_by_role("button", name="Delete").click()
    page.set_input_files("#diary-import", download.value.path())
    page.wait_for_function("() => document.querySelectorAll('.diary-entry').length === 1")
    page.evaluate("window.print = () => {}")
    page.get_by_role("button", name="Print this summary").click()


def test_using_the_diary_makes_no_request(diary):
    diary.wait_for_load_state("networkidle")
    assert requests_while(diary, use_the_diary) == []


def test_request_check_catches_a_request(diary):
    diary.wait_for_load_state("networkidle")
    made = requests_while(diary, lambda page: page.evaluate("fetch('../../sitemap.xml').then(r => r.text())"))
    assert [url.rsplit("/", 1)[-1] for url in made] == ["sitemap.xml"]


@pytest.mark.parametrize("scheme,width", [("light", 320), ("dark", 390), ("light", 1280)])
def test_diary_with_entries_passes_axe_and_fits(browser, base_url, scheme, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme,
                                  bypass_csp=True, reduced_motion="reduce", timezone_id="UTC")
    page = context.new_page()
    page.goto(base_url + PAGE)
    seed(page, state(entry("a", 0, notes=TRICKY, tried="Heat", helped="yes"), entry("b", 9, area="arms-hands", helped="no", tried="Cold"),
                     entry("c", 40, severity=None), started_days_ago=60))
    page.fill("#diary-notes", "typed")
    problems = axe_violations(page, [".md-sidebar--primary"]) + layout_problems(page, width)
    context.close()
    assert not problems, "\n".join(problems)


def test_every_target_is_at_least_44px(diary):
    seed(diary, state(entry("a", 0)))
    small = diary.evaluate("""() => [...document.querySelectorAll(
        '#diary button, #diary .diary-choice, #diary input:not([type=radio]):not([type=file]), #diary textarea, #diary .diary-file')]
        .filter(e => e.offsetParent !== null)
        .map(e => [e.id || e.textContent.trim(), e.getBoundingClientRect()])
        .filter(([, r]) => r.width < 44 || r.height < 44).map(([name, r]) => `${name}: ${r.width}x${r.height}`)""")
    assert small == []


def test_nothing_in_the_diary_sticks_out_of_the_column_at_320px(browser, base_url):
    """The page does not scroll sideways even when a tile or table pokes out of the text column."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, timezone_id="UTC")
    page = context.new_page()
    page.goto(base_url + PAGE)
    seed(page, state(entry("a", 0, notes=TRICKY), entry("b", 8, severity=10, length="over-10")))
    out = page.evaluate("""() => { const edge = document.querySelector('article').getBoundingClientRect().right;
        return [...document.querySelectorAll('#diary *')].filter(e => e.getClientRects().length
          && e.getBoundingClientRect().right > edge + 0.5 && !e.closest('.visually-hidden'))
          .map(e => `${e.tagName}.${e.className}: ${Math.round(e.getBoundingClientRect().right)} > ${Math.round(edge)}`); }""")
    context.close()
    assert out == []


def test_without_javascript_the_page_is_the_paper_diary(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    assert page.locator(".diary-needs-js").is_visible()
    assert page.locator("#diary").is_hidden()
    assert page.locator(".print-form table").is_visible()
    context.close()


def pdf_text(page, tmp_path) -> tuple[str, int]:
    page.emulate_media(media="print")
    page.pdf(path=str(tmp_path / "out.pdf"), format="A4")
    page.emulate_media(media="screen")
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "out.pdf"), "-"], capture_output=True, text=True).stdout
    return text, text.count("\f")


def test_printing_the_page_gives_the_paper_diary_only(diary, tmp_path):
    seed(diary, state(entry("a", 0, notes="not on paper")))
    text, pages = pdf_text(diary, tmp_path)
    assert "New medicines" in text and "How to use the paper diary" in text
    assert "not on paper" not in text and "Add a spasm" not in text and "Quick diary" not in text
    assert pages == 1


def test_print_summary_prints_the_last_four_weeks_on_one_page(diary, tmp_path):
    seed(diary, state(*[entry(str(i), i % 20, severity=i % 11, tried=["Heat", "Cold", "Stretching"][i % 3],
                              helped=["yes", "no", "a-little"][i % 3], notes="not in the summary") for i in range(40)]))
    diary.evaluate("window.print = () => { window.printedWith = document.documentElement.className; }")
    diary.get_by_role("button", name="Print this summary").click()
    assert "diary-print-summary" in diary.evaluate("window.printedWith")
    text, pages = pdf_text(diary, tmp_path)
    assert pages == 1
    for words in ("For my appointment", "Spasms:", "Worst:", "What helped", "What did not help", "Questions for my doctor"):
        assert words in text, words
    assert "Heat (14 times)" in text and "Cold (13 times)" in text
    assert "not in the summary" not in text and "New medicines" not in text and "Add a spasm" not in text
    diary.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert "diary-print-summary" not in diary.evaluate("document.documentElement.className")


def test_in_the_offline_bundle_the_page_says_the_quick_diary_cannot_start(browser, bundle):
    """Under file:// browsers refuse to load ES modules: the note stays and the paper diary works."""
    page = browser.new_page()
    page.goto((bundle / "tools" / "spasm-diary.html").as_uri())
    page.wait_for_load_state("load")
    assert page.locator(".diary-needs-js").is_visible() and page.locator("#diary").is_hidden()
    assert page.locator(".print-form table").is_visible()
    page.close()


# --- the Spanish edition -------------------------------------------------------------------------
# The Spanish pages (under /es/) carry <html lang="es"> and load the same scripts. Here the English
# page is served with lang="es" only: its form stays English, every word the scripts write is
# Spanish. Both editions share one origin, so one stored diary: it must read the same on both.

CSV_EN = ("\ufeffEntry ID,Date and time,Where,How bad (0-10),How long,What I tried,Did it help,Notes\r\n"
          'x1,2026-11-30 21:45,Lower back,7,More than 10 minutes,"Calor, then rest",A little,"woke at 3am, ""again"""\r\n'
          "x2,2026-11-28 08:05,Other,,,,,\r\n"
          "x3,2026-11-27 10:00,Arms and hands,0,Less than 1 minute,Frío,No,\r\n"
          "x4,2026-11-26 12:30,Feet,10,6 to 10 minutes,Stretching,Not sure,✓ ñandú\r\n")
CSV_ES = ("\ufeffID de la anotación,Fecha y hora,Dónde,Cuánto dolió (0-10),Cuánto duró,Qué probé,¿Ayudó?,Notas\r\n"
          'x1,2026-11-30 21:45,Zona lumbar,7,Más de 10 minutos,"Calor, then rest",Un poco,"woke at 3am, ""again"""\r\n'
          "x2,2026-11-28 08:05,Otra zona,,,,,\r\n"
          "x3,2026-11-27 10:00,Brazos y manos,0,Menos de 1 minuto,Frío,No,\r\n"
          "x4,2026-11-26 12:30,Pies,10,De 6 a 10 minutos,Stretching,No lo sé,✓ ñandú\r\n")
FROM_EITHER_CSV = [
    {"id": "x1", "when": "2026-11-30T21:45", "area": "lower-back", "severity": 7, "length": "over-10",
     "tried": "Calor, then rest", "helped": "a-little", "notes": 'woke at 3am, "again"'},
    {"id": "x2", "when": "2026-11-28T08:05", "area": "other", "severity": None, "length": "", "tried": "", "helped": "", "notes": ""},
    {"id": "x3", "when": "2026-11-27T10:00", "area": "arms-hands", "severity": 0, "length": "under-1",
     "tried": "Frío", "helped": "no", "notes": ""},
    {"id": "x4", "when": "2026-11-26T12:30", "area": "feet", "severity": 10, "length": "6-10",
     "tried": "Stretching", "helped": "not-sure", "notes": "✓ ñandú"},
]


@pytest.fixture
def diario(context, base_url):
    """The diary page as the Spanish edition serves it: <html lang="es">."""
    page = context.new_page()

    def in_spanish(route):
        response = route.fetch()
        html = response.text()
        assert '<html lang="en"' in html
        route.fulfill(response=response, body=html.replace('<html lang="en"', '<html lang="es"', 1))

    page.route(base_url + PAGE, in_spanish)
    page.goto(base_url + PAGE)
    page.wait_for_selector("#diary:not([hidden])")
    assert page.evaluate("document.documentElement.lang") == "es"
    return page


def test_each_language_names_every_code_and_has_every_word(diario):
    got = module_call(diario, "words.js", """Object.fromEntries(Object.entries(m.LANGUAGES).map(([lang, w]) =>
        [lang, {areas: Object.keys(w.areas), lengths: Object.keys(w.lengths), helped: Object.keys(w.helped),
                keys: Object.keys(w).map(k => `${k}:${typeof w[k]}`).sort(), header: w.header.length}]))""")
    assert sorted(got) == ["en", "es"]
    for lang, w in got.items():
        assert w["areas"] == ["neck", "shoulders", "upper-back", "lower-back", "arms-hands", "legs", "feet", "other"], lang
        assert w["lengths"] == ["under-1", "1-5", "6-10", "over-10"], lang
        assert w["helped"] == ["yes", "a-little", "no", "not-sure"], lang
        assert w["header"] == 8, lang
    assert got["es"]["keys"] == got["en"]["keys"]  # the same words, each a text or a function in both


def test_a_spanish_page_exports_in_spanish_with_language_free_codes_kept(diario):
    entries = [entry("a1", 0, notes=TRICKY, tried="Calor, luego estirar", helped="a-little", length="over-10"),
               entry("b2", 3, area="lower-back", severity=None, length="1-5", helped="yes"),
               entry("c3", 4, area="other", severity=0, length="", helped="not-sure")]
    text = module_call(diario, "csv.js", "m.entriesToCSV(arg)", entries)
    lines = text.split("\r\n")
    assert lines[0] == "\ufeffID de la anotación,Fecha y hora,Dónde,Cuánto dolió (0-10),Cuánto duró,Qué probé,¿Ayudó?,Notas"
    assert lines[1].startswith(f'a1,{when(0)[:10]} 21:15,Piernas,5,Más de 10 minutos,"Calor, luego estirar",Un poco,"Cramp,')
    assert f"\r\nb2,{when(3)[:10]} 21:15,Zona lumbar,,De 1 a 5 minutos,,Sí,\r\n" in text
    assert f"\r\nc3,{when(4)[:10]} 21:15,Otra zona,0,,,No lo sé,\r\n" in text
    assert module_call(diario, "csv.js", "m.entriesFromCSV(arg)", text) == {"entries": entries, "problems": []}


def test_english_and_spanish_files_import_into_the_same_entries_on_either_page(diary, diario):
    for page in (diary, diario):
        for text in (CSV_EN, CSV_ES):
            assert module_call(page, "csv.js", "m.entriesFromCSV(arg)", text) == {"entries": FROM_EITHER_CSV, "problems": []}


@pytest.mark.parametrize("text,expected", [
    ("", ["El archivo está vacío."]),
    ("Fecha,Importe\n2026-11-01,12.50\n", ["Línea 1: este no es un archivo de diario guardado por esta página. "
                                          "Su primera línea debería ser: ID de la anotación, Fecha y hora, Dónde,"]),
    ("ID de la anotación,Fecha y hora,Dónde,Cuánto dolió (0-10),Cuánto duró,Qué probé,¿Ayudó?,Notas\n"
     'a,2026-11-01 10:00,Piernas,3,,,,"sin cerrar\n', ["Línea 2: se abren unas comillas que no se cierran nunca."]),
    # a Spanish file: its labels are checked, and listed, in Spanish
    ("ID de la anotación,Fecha y hora,Dónde,Cuánto dolió (0-10),Cuánto duró,Qué probé,¿Ayudó?,Notas\n"
     "a,2026-11-01 10:00,Piernas,3,,,,\n"
     "b,01/11/2026 10:00,Codo,11,Un rato,,Quizá,\n"
     "c,2026-11-02 10:00,Legs,2,,,,\n",
     ['Línea 3: la fecha y hora "01/11/2026 10:00" debería tener esta forma: 2026-11-30 21:45.',
      'Línea 3: "Codo" no es una zona del cuerpo. Usa una de estas: Cuello, Hombros, Espalda alta, Zona lumbar, '
      'Brazos y manos, Piernas, Pies, Otra zona.',
      'Línea 3: en cuánto dolió pone "11"; debe ser un número entero del 0 al 10.',
      'Línea 3: "Un rato" no es una duración. Usa una de estas: Menos de 1 minuto, De 1 a 5 minutos, '
      'De 6 a 10 minutos, Más de 10 minutos.',
      'Línea 3: "Quizá" debe ser una de estas respuestas: Sí, Un poco, No, No lo sé.',
      'Línea 4: "Legs" no es una zona del cuerpo.']),
    # an English file on the Spanish page: said in Spanish, its labels listed as the file has them
    ("Entry ID,Date and time,Where,How bad (0-10),How long,What I tried,Did it help,Notes\n"
     "a,2026-11-01 10:00,Legs,3,,,Maybe,\n"
     "a,2026-11-01 10:00,Legs,3,,,,,\n",
     ['Línea 2: "Maybe" debe ser una de estas respuestas: Yes, A little, No, Not sure.',
      "Línea 3: tiene 9 valores, no 8."]),
])
def test_a_bad_csv_is_refused_in_spanish_naming_the_line(diario, text, expected):
    assert_refused(diario, text, expected)


def test_spanish_labels_are_read_in_any_case_and_without_accents(diario):
    text = ("ID de la anotación,Fecha y hora,Dónde,Cuánto dolió (0-10),Cuánto duró,Qué probé,¿Ayudó?,Notas\n"
            "a,2026-11-01 10:00,zona LUMBAR,3,mas de 10 minutos,,si,\n")
    result = module_call(diario, "csv.js", "m.entriesFromCSV(arg)", text)
    assert [(e["area"], e["length"], e["helped"]) for e in result["entries"]] == [("lower-back", "over-10", "yes")]


def test_the_spanish_page_says_everything_in_spanish_and_stores_the_same_codes(diario):
    diario.get_by_role("button", name="Save this spasm").click()
    assert diario.locator("#diary-saved p").all_inner_texts() == [
        "Elige dónde fue el espasmo.", "Elige cuánto dolió, de 0 a 10."]
    assert diario.locator("#diary-count").inner_text() == (
        "Aún no hay anotaciones. Aquí verás tus anotaciones, primero las más recientes.")

    diario.fill("#diary-when", "2026-12-02T21:15")  # a Wednesday
    add(diario, "Lower back", 7, tried="Calor", helped="A little", lasted="More than 10 minutes")
    assert diario.locator("#diary-saved").inner_text() == (
        "Guardado: Zona lumbar, 7 de 10, mié, 2 dic 2026, 21:15. Ya puedes añadir otro espasmo.")
    (saved,) = stored(diario)["entries"]
    assert (saved["when"], saved["area"], saved["severity"], saved["length"], saved["tried"], saved["helped"]) == (
        "2026-12-02T21:15", "lower-back", 7, "over-10", "Calor", "a-little")
    item = diario.locator(".diary-entry")
    assert item.locator("p").all_text_contents() == [  # text content: entries off screen are not rendered
        "mié, 2 dic 2026, 21:15", "Zona lumbar. Cuánto dolió: 7 de 10. Más de 10 minutos.",
        "Probaste: Calor. ¿Te ayudó? Un poco."]
    button = item.get_by_role("button", name="Borrar la anotación del mié, 2 dic 2026, 21:15")
    assert button.text_content() == "Borrar"
    assert diario.locator("#diary-count").inner_text() == "1 anotación, primero las más recientes."

    asked = []
    diario.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    button.click()
    assert asked == ["¿Borrar la anotación del mié, 2 dic 2026, 21:15? No se puede deshacer."]
    diario.once("dialog", lambda d: (asked.append(d.message), d.accept()))
    diario.get_by_role("button", name="Delete all entries").click()
    assert asked[1].startswith("¿Borrar tu única anotación? No se puede deshacer.")
    assert diario.locator("#diary-status").inner_text() == "Se han borrado todas las anotaciones."


def test_the_spanish_summary_and_charts(diario):
    seed(diario, state(entry("a", 1, tried="Calor", helped="yes", length="over-10"),
                       entry("b", 2, tried="calor", helped="a-little", area="feet", severity=8),
                       entry("c", 3, tried="Frío", helped="no", severity=None)))
    summary = diario.locator("#diary-summary-body").inner_text()
    for words in ("Desde el ", "Espasmos: 3 en 4 semanas.", "Duraron más de 10 minutos: 1 vez.",
                  "Cada semana", "Semana del", "Dolor máximo (0-10)", "Dónde: Piernas 2, Pies 1.",
                  "Qué ayudó", "Calor (2 veces)", "Qué no ayudó", "Frío (1 vez)"):
        assert words in summary, words
    assert "Dolor máximo: 8 de 10, el " in summary and "(Pies)." in summary
    assert "out of" not in summary and "time" not in summary
    assert diario.locator("#diary-weeks caption").inner_text() == "Espasmos por semana, en las últimas 8 semanas"
    assert diario.locator("#diary-areas caption").inner_text() == "Espasmos por zona del cuerpo, en las últimas 8 semanas"
    assert diario.locator("#diary-areas th[scope=col]").all_inner_texts() == ["Dónde", "Espasmos"]
    assert diario.locator("#diary-areas .diary-chart__label").all_text_contents() == [
        "Cuello", "Hombros", "Espalda alta", "Zona lumbar", "Brazos y manos", "Piernas", "Pies", "Otra zona"]


def test_a_diary_moves_between_the_english_and_spanish_pages_through_a_file(diary, diario, tmp_path):
    diary.bring_to_front()  # two tabs: the one behind gets no animation frames, so every click would crawl
    add(diary, "Arms and hands", 7, notes=TRICKY.replace("\r\n", "\n"), tried="Heat, then stretch", helped="A little",
        lasted="More than 10 minutes")
    add(diary, "Other", 0, helped="Not sure", lasted="1 to 5 minutes")
    before = sorted(stored(diary)["entries"], key=lambda e: e["id"])

    def export(page, name):
        page.bring_to_front()
        with page.expect_download() as download:
            page.get_by_role("button", name="Export my diary").click()
        path = tmp_path / name
        download.value.save_as(path)
        return path, download.value.suggested_filename

    def move_to(page, path):  # a new phone: an empty diary, then the file imported
        page.bring_to_front()
        page.evaluate("localStorage.clear()")
        page.reload()
        page.wait_for_selector("#diary:not([hidden])")
        page.set_input_files("#diary-import", str(path))
        page.wait_for_function("() => document.querySelectorAll('.diary-entry').length === 2")
        assert sorted(stored(page)["entries"], key=lambda e: e["id"]) == before

    english, _ = export(diary, "english.csv")
    move_to(diario, english)
    assert diario.locator("#diary-status").inner_text() == "Se han añadido 2 anotaciones de english.csv."

    spanish, name = export(diario, "spanish.csv")
    assert name == f"diario-de-espasmos-{when(0)[:10]}.csv"
    assert diario.locator("#diary-status").inner_text().startswith(f"Tu diario se ha exportado como {name}.")
    raw = spanish.read_bytes().decode("utf-8")  # read_text would turn \r\n into \n
    assert raw.startswith("\ufeffID de la anotación,Fecha y hora,Dónde,")
    assert ",Brazos y manos,7,Más de 10 minutos,\"Heat, then stretch\",Un poco,\"Cramp," in raw
    assert ",Otra zona,0,De 1 a 5 minutos,,No lo sé,\r\n" in raw
    move_to(diary, spanish)
    assert diary.locator("#diary-status").inner_text() == "Added 2 entries from spanish.csv."
