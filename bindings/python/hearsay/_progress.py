"""The progress bar of ``Analyzer.analyze_many(..., progress=True)``: tqdm (Debian's python3-tqdm)
when it is installed, else one line on standard error, redrawn in place when it is a terminal
and written once at the end otherwise."""

import sys
import time


class _Line:
    def __init__(self, total, total_bytes):
        self.total = total
        self.total_bytes = total_bytes
        self.start = time.monotonic()
        self.tty = sys.stderr.isatty()
        self.last = ""

    def _text(self, done, done_bytes):
        seconds = max(time.monotonic() - self.start, 1e-9)
        rate = done_bytes / 1e6 / seconds
        text = f"hearsay: {done}/{self.total} documents, {done_bytes / 1e6:.1f} MB, {rate:.1f} MB/s"
        if rate > 0 and done_bytes < self.total_bytes:
            left = (self.total_bytes - done_bytes) / 1e6 / rate
            text += f", {int(left) // 60}:{int(left) % 60:02d} left"
        return text

    def __call__(self, done, done_bytes):
        self.last = self._text(done, done_bytes)
        if self.tty:
            sys.stderr.write("\r\x1b[K" + self.last)
            sys.stderr.flush()

    def close(self):
        sys.stderr.write(("\r\x1b[K" if self.tty else "") + self.last + "\n")
        sys.stderr.flush()


class _Tqdm:
    def __init__(self, tqdm, total, total_bytes):
        self.bar = tqdm(total=total, unit="doc", desc="hearsay", file=sys.stderr)
        self.done = 0
        self.total_bytes = total_bytes
        self.start = time.monotonic()

    def __call__(self, done, done_bytes):
        if done > self.done:
            self.bar.update(done - self.done)
            self.done = done
        seconds = max(time.monotonic() - self.start, 1e-9)
        self.bar.set_postfix_str(f"{done_bytes / 1e6 / seconds:.1f} MB/s", refresh=False)

    def close(self):
        self.bar.close()


def meter(total, total_bytes):
    """Return a progress callable (documents_done, bytes_done) with a close() method."""
    try:
        from tqdm import tqdm
    except ImportError:
        return _Line(total, total_bytes)
    return _Tqdm(tqdm, total, total_bytes)
