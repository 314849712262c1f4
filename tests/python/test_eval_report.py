"""`hearsay eval --html`: the scores as a page; its confusion matrix agrees with the text
tables, its reliability diagram with the calibration `hearsay eval` prints."""

import re
from html.parser import HTMLParser

from conftest import run_cli


class _Cells(HTMLParser):
    """The text of every cell of the confusion table, row by row, and the diagram's bins."""

    def __init__(self):
        super().__init__()
        self.rows, self.bins, self.in_confusion, self.cell = [], 0, False, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and a.get("class") == "confusion":
            self.in_confusion = True
        elif self.in_confusion and tag == "tr":
            self.rows.append([])
        elif self.in_confusion and tag in ("td", "th"):
            self.cell = ""
        elif tag == "rect" and a.get("class") == "bin":
            self.bins += 1

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_confusion = False
        elif self.in_confusion and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def test_eval_html_report(cli, source_dir, tmp_path):
    corpora = [str(source_dir / "corpora" / f) for f in ("business.xml", "courts.xml")]
    report = tmp_path / "report.html"
    done = run_cli(cli, "eval", "--html", str(report), *corpora)
    assert done.returncode == 0, done.stderr.decode()
    text = done.stdout.decode()
    overall = text[text.index("== overall"):]
    page = report.read_text(encoding="utf-8")
    assert "<script" not in page and "http://" not in page and "https://" not in page

    cells = _Cells()
    cells.feed(page)
    header, *rows = cells.rows
    assert header[1:4] == ["confirmed", "reported", "alleged"]
    for i, status in enumerate(("confirmed", "reported", "alleged")):
        correct, predicted, gold = map(int, re.search(
            rf"status {status} .*\((\d+) correct, (\d+) predicted, (\d+) gold\)", overall).groups())
        assert rows[i][0] == status
        assert int(rows[i][1 + i]) == correct  # the diagonal
        assert int(rows[i][5]) == gold == sum(int(c) for c in rows[i][1:5])
        assert sum(int(r[1 + i]) for r in rows) == predicted  # a column: what was predicted

    # The reliability diagram: the same matched claims, bins and calibration error as the
    # calibration table `hearsay eval` prints.
    printed_bins = re.findall(r"^  (\d\.\d)-(\d\.\d)\s+(\d+)\s+([\d.]+)\s+([\d.]+)$", text, re.M)
    assert printed_bins, text
    assert cells.bins == len(printed_bins)
    printed_ece = float(re.search(r"expected calibration error ([\d.]+)", text)[1])
    ece = float(re.search(r'id="ece">([\d.]+)<', page)[1])
    assert abs(ece - printed_ece) < 0.0015
    matched = int(re.search(r"claims .*\((\d+) correct", overall)[1])
    assert f"{matched} matched claims" in page
    assert sum(int(b[2]) for b in printed_bins) == matched
    assert "carries no confidence" not in page


def test_eval_html_report_that_cannot_be_written(cli, source_dir, tmp_path):
    done = run_cli(cli, "eval", "--html", str(tmp_path / "no" / "such" / "dir.html"),
                   str(source_dir / "corpora" / "business.xml"))
    assert done.returncode == 1
    assert b"cannot write the report" in done.stderr
