"""The HTML page of `hearsay analyze --format html` in a real browser (Debian's chromium, headless,
driven over the DevTools protocol by cdp.py): it shows exactly the claims and chains of the JSON
output, each status with a colour and a second cue, the tip on hover and on keyboard focus, asks
the network for nothing, and renders a 1 MB article in under 2 s. A screenshot of the sample is
saved beside the program (test-artifacts/html-sample.png). Skipped only without chromium."""

import json
import re
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cdp  # noqa: E402
from conftest import run_cli  # noqa: E402

pytestmark = pytest.mark.skipif(
    cdp.find_chromium() is None,
    reason="chromium is not installed (apt-get install chromium; scripts/setup.sh --test does)",
)

CLAIMS_SCRIPT = """[...document.querySelectorAll('.claim')].map(e => ({
  text: e.textContent, status: e.dataset.status, chain: JSON.parse(e.dataset.chain),
  certainty: e.dataset.certainty, polarity: e.dataset.polarity,
  decoration: getComputedStyle(e).textDecorationStyle,
  icon: getComputedStyle(e, '::before').content,
  background: getComputedStyle(e).backgroundColor}))"""


@pytest.fixture(scope="module")
def browser():
    with cdp.Browser() as b:
        yield b


def _analyze(cli, path, fmt):
    done = run_cli(cli, "analyze", "--format", fmt, str(path))
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


def _expected(cli, path):
    doc = json.loads(_analyze(cli, path, "json"))
    return [
        {
            "text": c["text"],
            "status": c["status"],
            "chain": [link["source"]["text"] for link in c["chain"]],
            "certainty": c["certainty"],
            "polarity": c["polarity"],
        }
        for c in doc["claims"]
    ]


def test_page_shows_exactly_the_claims_and_chains_of_the_json(browser, cli, source_dir, tmp_path):
    sample = source_dir / "data" / "sample" / "article.txt"
    page_file = tmp_path / "sample.html"
    page_file.write_bytes(_analyze(cli, sample, "html"))
    page = browser.new_page()
    page.navigate(page_file.as_uri())
    shown = page.evaluate(CLAIMS_SCRIPT)
    expected = _expected(cli, sample)
    assert expected, "the sample has claims"
    keys = ("text", "status", "chain", "certainty", "polarity")
    assert [{k: c[k] for k in keys} for c in shown] == expected

    # Each status: its own colour and its own underline style and icon (works without colour).
    by_status = {}
    for c in shown:
        by_status.setdefault(c["status"], set()).add((c["decoration"], c["icon"], c["background"]))
    assert set(by_status) == {"confirmed", "reported", "alleged"}
    looks = [next(iter(v)) for v in by_status.values()]
    assert all(len(v) == 1 for v in by_status.values())
    for i in range(3):
        assert len({look[i] for look in looks}) == 3, looks
    assert page.evaluate("document.querySelectorAll('.src').length") > 0
    assert page.evaluate("document.querySelectorAll('.cue').length") > 0
    assert "Legend" in page.evaluate("document.querySelector('aside').textContent")

    # The tip: hidden until the claim has keyboard focus, then it lists the chain outermost first.
    tip = "getComputedStyle(document.querySelectorAll('.claim')[{}], '::after').content"
    with_chain = next(i for i, c in enumerate(expected) if len(c["chain"]) >= 2)
    assert page.evaluate(tip.format(with_chain)) == "none"
    page.evaluate(f"document.querySelectorAll('.claim')[{with_chain}].focus()")
    assert page.evaluate("document.activeElement.classList.contains('claim')")
    shown_tip = page.evaluate(tip.format(with_chain))
    outer, inner = expected[with_chain]["chain"][:2]
    assert shown_tip.index("1. " + outer) < shown_tip.index("2. " + inner), shown_tip
    # ... and SPEC 7's confidence and rule, where the analysis has them.
    claim = json.loads(_analyze(cli, sample, "json"))["claims"][with_chain]
    if "confidence" in claim:
        shown_confidence = float(re.search(r"confidence: (\d\.\d\d)", shown_tip)[1])
        assert abs(shown_confidence - claim["confidence"]) <= 0.006, shown_tip
    if "evidence" in claim:
        assert f"rule: {claim['evidence']['rule']}" in shown_tip, shown_tip
    # ... and reached with the Tab key, as a keyboard user would.
    page.evaluate("document.activeElement.blur()")
    for _ in range(3):
        page.send("Input.dispatchKeyEvent", type="keyDown", key="Tab", code="Tab",
                  windowsVirtualKeyCode=9)
        page.send("Input.dispatchKeyEvent", type="keyUp", key="Tab", code="Tab",
                  windowsVirtualKeyCode=9)
    assert page.evaluate("document.activeElement.classList.contains('claim')")

    assert browser.requests(page.session) == [page_file.as_uri()]  # nothing from the network
    shots = Path(cli).resolve().parent / "test-artifacts"
    shots.mkdir(exist_ok=True)
    page.evaluate("document.querySelectorAll('.claim')[%d].focus()" % with_chain)
    page.screenshot(shots / "html-sample.png")
    assert (shots / "html-sample.png").stat().st_size > 10_000


def test_a_1_mb_article_renders_in_under_2_seconds(browser, cli, corpus_texts, tmp_path):
    texts, size = [], 0
    while size < 1_000_000:
        for t in corpus_texts:
            texts.append(t)
            size += len(t.encode()) + 2
    article = tmp_path / "big.txt"
    article.write_text("\n\n".join(texts), encoding="utf-8")
    page_file = tmp_path / "big.html"
    page_file.write_bytes(_analyze(cli, article, "html"))
    expected = json.loads(_analyze(cli, article, "json"))["claims"]
    page = browser.new_page()
    start = time.monotonic()
    page.navigate(page_file.as_uri())
    # Until the page is laid out and painted: two animation frames after the load event.
    page.evaluate(
        "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))",
        await_promise=True,
    )
    seconds = time.monotonic() - start
    print(f"1 MB article ({len(expected)} claims): rendered in {seconds:.2f} s")
    assert page.evaluate("document.querySelectorAll('.claim').length") == len(expected)
    assert seconds < 2.0
