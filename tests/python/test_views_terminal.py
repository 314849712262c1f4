"""What a person sees: `hearsay analyze` on a terminal (through a pseudo-terminal, as a user
runs it) and piped; progress on standard error for long runs; analyze_many(progress=...)."""

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import tempfile
import termios
import unicodedata

import pytest

from conftest import hearsay, run_cli

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def columns(line):
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in line
    )


def run_in_terminal(args, width=100, env=None, stdout_tty=True, stdin=None):
    """Run with standard error (and standard output when stdout_tty) on a pseudo-terminal of
    `width` columns; return (stdout, what the terminal showed)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, width, 0, 0))
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    full_env["TERM"] = "xterm-256color"
    full_env.update(env or {})
    # Standard output, when not the terminal, goes to a file: a pipe could fill up while only
    # the terminal is read.
    out_file = None if stdout_tty else tempfile.TemporaryFile()
    proc = subprocess.Popen(
        args,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=slave if stdout_tty else out_file,
        stderr=slave,
        env=full_env,
    )
    os.close(slave)
    if stdin is not None:
        proc.stdin.write(stdin)
        proc.stdin.close()
    shown = b""
    piped = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other side closed
                chunk = b""
            if not chunk:
                break
            shown += chunk
        elif proc.poll() is not None:
            # Drain what is left, then stop.
            try:
                while select.select([master], [], [], 0.05)[0]:
                    chunk = os.read(master, 65536)
                    if not chunk:
                        break
                    shown += chunk
            except OSError:
                pass
            break
    proc.wait(timeout=60)
    if out_file is not None:
        out_file.seek(0)
        piped = out_file.read()
        out_file.close()
    os.close(master)
    assert proc.returncode == 0, shown.decode(errors="replace")
    return piped.decode(), shown.decode().replace("\r\n", "\n")


@pytest.fixture(scope="module")
def sample(source_dir):
    return source_dir / "data" / "sample" / "article.txt"


@pytest.fixture(scope="module")
def sample_claims(cli, sample):
    return json.loads(run_cli(cli, "analyze", "--format", "json", str(sample)).stdout)["claims"]


def check_listing(listing, claims, width, shortened=False):
    """`shortened`: a narrow terminal, where a long source may be cut to its start and "…"."""
    lines = listing.rstrip("\n").split("\n")
    assert lines[0].startswith("== article: %d claims" % len(claims))
    for line in lines:
        assert columns(line) <= width, line
    # One claim a line, in order: number, status, certainty; then the claim's words, wrapped.
    records = re.split(r"\n(?= *\d+ (?:confirmed|reported|alleged) )", "\n".join(lines[1:]))
    assert len(records) == len(claims)
    for record, claim in zip(records, claims):
        number, status, certainty = record.split()[:3]
        assert (status, certainty) == (claim["status"], claim["certainty"])
        flat = " ".join(record.split())
        assert " ".join(claim["text"].split()) in flat
        at = 0
        for link in claim["chain"]:  # outermost first
            source = link["source"]["text"] or "(unspecified)"
            if shortened and source not in flat:
                source = source[:3]
            at = flat.find(source, at)
            assert at >= 0, (link, flat)


def test_piped_analyze_keeps_json_as_the_default(cli, sample):
    done = run_cli(cli, "analyze", str(sample))
    assert json.loads(done.stdout)["id"] == "article"


def test_text_view_piped_is_plain_and_fits_100_columns(cli, sample, sample_claims):
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}  # $COLUMNS would narrow it
    done = subprocess.run([cli, "analyze", "--format", "text", str(sample)], env=env,
                          capture_output=True, check=True)
    listing = done.stdout.decode()
    assert "\x1b" not in listing
    check_listing(listing, sample_claims, 100)


def test_text_view_on_a_terminal_is_the_default_and_coloured(cli, sample, sample_claims):
    _, shown = run_in_terminal([cli, "analyze", str(sample)], width=120)
    assert "\x1b[" in shown  # colour
    check_listing(ANSI.sub("", shown), sample_claims, 100)  # never wider than 100 columns


def test_text_view_respects_no_color_and_a_narrow_terminal(cli, sample, sample_claims):
    _, shown = run_in_terminal([cli, "analyze", str(sample)], width=64, env={"NO_COLOR": "1"})
    assert "\x1b" not in shown
    check_listing(shown, sample_claims, 64, shortened=True)


def jsonl_feed(corpus_texts, n=400):
    records = [json.dumps({"id": f"d{i}", "text": corpus_texts[i % len(corpus_texts)]})
               for i in range(n)]
    return ("\n".join(records) + "\n").encode()


def test_jsonl_progress_on_a_terminal_never_in_a_pipe(cli, corpus_texts, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(jsonl_feed(corpus_texts))
    out, shown = run_in_terminal([cli, "analyze", "--input", "jsonl", str(feed)],
                                 stdout_tty=False)
    assert len(out.splitlines()) == 400
    assert re.search(r"hearsay: \d+ documents, [\d.]+ MB, [\d.]+ MB/s", shown), shown
    assert shown.endswith("\x1b[K")  # the line is cleared at the end
    piped = run_cli(cli, "analyze", "--input", "jsonl", str(feed))
    assert piped.stderr == b""
    assert piped.stdout.decode() == out


def test_eval_progress_on_a_terminal_never_in_a_pipe(cli, source_dir):
    corpora = sorted(str(p) for p in (source_dir / "corpora").glob("*.xml"))
    out, shown = run_in_terminal([cli, "eval", "--summary", *corpora], stdout_tty=False)
    assert "documents" in shown and "MB/s" in shown
    piped = run_cli(cli, "eval", "--summary", *corpora)
    assert piped.stderr == b""
    assert piped.stdout.decode() == out


def test_analyze_many_reports_progress_to_a_callable(paragraphs):
    an = hearsay.Analyzer()
    texts = paragraphs * 3
    calls = []
    docs = an.analyze_many(texts, threads=2, progress=lambda d, b: calls.append((d, b)))
    assert [d.to_dict() for d in docs] == [d.to_dict() for d in an.analyze_many(texts, threads=2)]
    assert calls[-1] == (len(texts), sum(len(t.encode()) for t in texts))
    assert calls == sorted(calls)


def test_analyze_many_progress_true_draws_a_bar(paragraphs, capsys):
    docs = hearsay.Analyzer().analyze_many(paragraphs, progress=True)
    assert len(docs) == len(paragraphs)
    err = capsys.readouterr().err
    assert "hearsay" in err and f"{len(paragraphs)}/{len(paragraphs)}" in err


def test_analyze_many_progress_errors(paragraphs):
    an = hearsay.Analyzer()
    with pytest.raises(TypeError, match="progress must be a bool or a callable"):
        an.analyze_many(paragraphs[:3], progress="yes")

    def broken(done, done_bytes):
        raise ValueError("stop")

    with pytest.raises(ValueError, match="stop"):
        an.analyze_many(paragraphs, progress=broken)
