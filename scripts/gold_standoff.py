#!/usr/bin/env python3
"""Gold for real articles whose text may not enter the repository: SPEC XML <-> standoff.

An annotator writes ordinary SPEC section 5 XML (one <corpus> with one <doc>) for an article, with
the article's words exactly as they are (white space may differ: SPEC XML collapses it). This tool
checks such a file against the article and converts it to standoff: the same elements and
attributes, each with `start`/`end` code-point offsets into the article text instead of the words,
plus the article's file name and SHA-256. `hearsay eval` rebuilds the gold from the standoff and
the article text.

  scripts/gold_standoff.py check   ARTICLE.txt GOLD.xml          # exit 1 with the first problem
  scripts/gold_standoff.py convert ARTICLE.txt GOLD.xml OUT.xml [--corpus polnear-dev]
  scripts/gold_standoff.py expand  STANDOFF.xml ARTICLE.txt OUT.xml   # back to SPEC XML

Only Python's standard library is used (Debian's /usr/bin/python3).
"""
import hashlib
import os
import sys
import xml.etree.ElementTree as ET

STATUSES = {"confirmed", "reported", "alleged"}
KINDS = {"person", "organization", "government", "media", "document", "group", "anonymous",
         "unspecified"}
CERTAINTY = {"certain", "probable", "possible"}
POLARITY = {"positive", "negative"}
QUOTE = {"none", "direct", "mixed"}
MARKS = {"claim", "src", "cue"}


class Problem(Exception):
    pass


def flatten(doc):
    """The doc's text by SPEC 5 (paragraphs joined by a blank line, white space collapsed) as a
    list of (char, path) where path is the stack of open mark elements, plus element spans."""
    pieces = []   # normalized text chars
    spans = []    # (element, start, end) in normalized text
    for pi, p in enumerate(doc.findall("p")):
        if pi:
            pieces.append("\n\n")
        buf = []

        def walk(el):
            start = len("".join(buf))
            if el.text:
                buf.append(el.text)
            for child in el:
                cs = walk(child)
                spans.append(cs)
                if child.tail:
                    buf.append(child.tail)
            return (el, start, len("".join(buf)))

        # collect raw text with element offsets into the raw paragraph string
        raw_spans_before = len(spans)
        spans.append(walk(p))
        raw = "".join(buf)
        # collapse white space, keeping a map raw index -> collapsed index
        out, mapping, in_ws = [], [], False
        for ch in raw:
            mapping.append(len(out))
            if ch.isspace():
                if not in_ws and out:
                    out.append(" ")
                in_ws = True
            else:
                out.append(ch)
                in_ws = False
        mapping.append(len(out))
        text = "".join(out).rstrip(" ")
        base = len("".join(pieces))
        for i in range(raw_spans_before, len(spans)):
            el, s, e = spans[i]
            cs, ce = min(mapping[s], len(text)), min(mapping[e], len(text))
            # trim white space inside the element
            while cs < ce and text[cs] == " ":
                cs += 1
            while ce > cs and text[ce - 1] == " ":
                ce -= 1
            spans[i] = (el, base + cs, base + ce)
        pieces.append(text)
    return "".join(pieces), spans


def squeeze(text):
    """Non-white-space characters of text, with their indices."""
    return [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]


def align(article, normalized):
    """Map each normalized-text index to an article index; raise Problem on a difference."""
    a, n = squeeze(article), squeeze(normalized)
    for k in range(min(len(a), len(n))):
        if a[k][1] != n[k][1]:
            ai, ni = a[k][0], n[k][0]
            raise Problem("text differs from the article at article char %d: article has %r, "
                          "annotation has %r" % (ai, article[max(0, ai - 30):ai + 30],
                                                 normalized[max(0, ni - 30):ni + 30]))
    if len(a) != len(n):
        if len(a) > len(n):
            ai = a[len(n)][0]
            raise Problem("annotation ends early; the article goes on at char %d: %r"
                          % (ai, article[ai:ai + 60]))
        ni = n[len(a)][0]
        raise Problem("annotation has extra text at its end: %r" % normalized[ni:ni + 60])
    to_article = {}
    for (ai, _), (ni, _) in zip(a, n):
        to_article[ni] = ai
    return to_article


def check_structure(doc):
    ids = {}
    for src in doc.iter("src"):
        i = src.get("id")
        if not i:
            raise Problem("<src> without id")
        if i in ids:
            raise Problem("duplicate src id %r" % i)
        if src.get("kind") not in KINDS:
            raise Problem("src %r: kind %r is not one of %s" % (i, src.get("kind"), sorted(KINDS)))
        if src.get("named") not in ("true", "false"):
            raise Problem("src %r: named must be true or false" % i)
        ids[i] = src
    seen = set()
    for src in doc.iter("src"):
        r = src.get("ref")
        if r is not None and r not in seen:
            raise Problem("src %r: ref %r names no earlier src (SPEC 5: ref points back)"
                          % (src.get("id"), r))
        seen.add(src.get("id"))
    for p in doc:
        if p.tag != "p":
            raise Problem("<doc> holds <%s>; only <p>" % p.tag)
        for s in p:
            if s.tag != "s":
                raise Problem("<p> holds <%s>; only <s>" % s.tag)
            if (p.text or "").strip() or (s.tail or "").strip():
                raise Problem("text outside <s> in a <p>: %r" % ((p.text or "") + (s.tail or "")))
    for claim in doc.iter("claim"):
        if claim.find(".//claim") is not None:
            raise Problem("claims do not nest")
        if claim.get("status") not in STATUSES:
            raise Problem("claim %r: status %r" % (text_of(claim)[:40], claim.get("status")))
        for attr, allowed in (("certainty", CERTAINTY), ("polarity", POLARITY), ("quote", QUOTE)):
            v = claim.get(attr)
            if v is not None and v not in allowed:
                raise Problem("claim %r: %s %r" % (text_of(claim)[:40], attr, v))
        if claim.get("optional") not in (None, "true", "false"):
            raise Problem("claim optional must be true or false")
        for link in (claim.get("chain") or "").split():
            if link != "_" and link not in ids:
                raise Problem("claim %r: chain names %r, no such src" % (text_of(claim)[:40], link))
    for el in doc.iter():
        if el.tag not in {"doc", "p", "s"} | MARKS:
            raise Problem("unknown element <%s>" % el.tag)


def text_of(el):
    return " ".join("".join(el.itertext()).split())


def load(gold_path):
    try:
        root = ET.parse(gold_path).getroot()
    except ET.ParseError as e:
        raise Problem("%s: XML error: %s" % (gold_path, e))
    if root.tag != "corpus":
        raise Problem("root element must be <corpus>")
    docs = root.findall("doc")
    if len(docs) != 1:
        raise Problem("one <doc> per file (found %d)" % len(docs))
    return root, docs[0]


def read_article(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def analyse(article_path, gold_path):
    article = read_article(article_path)
    root, doc = load(gold_path)
    check_structure(doc)
    normalized, spans = flatten(doc)
    to_article = align(article, normalized)
    placed = []
    for el, s, e in spans:
        if s >= e:
            raise Problem("empty <%s> at %r" % (el.tag, normalized[max(0, s - 30):s + 30]))
        placed.append((el, to_article[s], to_article[e - 1] + 1))
    return article, root, doc, placed


def cmd_check(article_path, gold_path):
    _, _, doc, placed = analyse(article_path, gold_path)
    claims = sum(1 for el, _, _ in placed if el.tag == "claim")
    print("%s: ok, %d sentences, %d claims" % (gold_path,
                                               sum(1 for el, _, _ in placed if el.tag == "s"), claims))


def cmd_convert(article_path, gold_path, out_path, corpus_name):
    article, root, doc, placed = analyse(article_path, gold_path)
    where = {id(el): (s, e) for el, s, e in placed}
    out_root = ET.Element("standoff", {
        "lang": root.get("lang", "en"), "corpus": corpus_name,
        "file": os.path.basename(article_path),
        "sha256": hashlib.sha256(article.encode("utf-8")).hexdigest(),
        "chars": str(len(article))})
    out_doc = ET.SubElement(out_root, "doc", {"id": doc.get("id", "")})

    def copy(el, parent):
        attrs = dict(el.attrib)
        s, e = where[id(el)]
        attrs["start"], attrs["end"] = str(s), str(e)
        node = ET.SubElement(parent, el.tag, attrs)
        for child in el:
            copy(child, node)

    for el in doc:
        copy(el, out_doc)
    ET.indent(out_root, space="  ")
    header = ('<?xml version="1.0" encoding="UTF-8"?>\n<!-- Standoff gold (SPEC section 5 elements '
              'and attributes; start/end are code-point offsets into the article). Made by '
              'scripts/gold_standoff.py. -->\n')
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(header + ET.tostring(out_root, encoding="unicode") + "\n")
    print("%s: %d marks" % (out_path, len(placed)))


def cmd_expand(standoff_path, article_path, out_path):
    """Standoff back to SPEC XML (paragraph texts taken from the article)."""
    article = read_article(article_path)
    root = ET.parse(standoff_path).getroot()
    if hashlib.sha256(article.encode("utf-8")).hexdigest() != root.get("sha256"):
        raise Problem("%s: the article's SHA-256 differs from the standoff's" % article_path)
    sdoc = root.find("doc")
    corpus = ET.Element("corpus", {"lang": root.get("lang", "en")})
    doc = ET.SubElement(corpus, "doc", {"id": sdoc.get("id")})

    def build(snode, parent):
        attrs = {k: v for k, v in snode.attrib.items() if k not in ("start", "end")}
        node = ET.SubElement(parent, snode.tag, attrs)
        pos = int(snode.get("start"))
        end = int(snode.get("end"))
        node.text = ""
        last = None
        for child in snode:
            cs = int(child.get("start"))
            gap = article[pos:cs]
            if last is None:
                node.text = gap
            else:
                last.tail = gap
            last = build(child, node)
            pos = int(child.get("end"))
        if last is None:
            node.text = article[pos:end]
        else:
            last.tail = (last.tail or "") + article[pos:end]
        return node

    for p in sdoc:
        build(p, doc)
    ET.indent(corpus, space="  ")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(corpus, encoding="unicode")
                + "\n")


def main(argv):
    try:
        if len(argv) == 3 and argv[0] == "check":
            cmd_check(argv[1], argv[2])
        elif len(argv) in (4, 6) and argv[0] == "convert":
            corpus_name = argv[5] if len(argv) == 6 and argv[4] == "--corpus" else "polnear-dev"
            cmd_convert(argv[1], argv[2], argv[3], corpus_name)
        elif len(argv) == 4 and argv[0] == "expand":
            cmd_expand(argv[1], argv[2], argv[3])
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except Problem as e:
        print("%s: %s" % (argv[2] if len(argv) > 2 else "", e), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
