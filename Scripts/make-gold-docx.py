#!/usr/bin/env python3
"""Makes the .docx forms of gold documents from their HTML pages (docs/gold-format.md).

    python3 Scripts/make-gold-docx.py --gold Tests/Gold --out DIR [--corpus-real DIR]
    python3 Scripts/make-gold-docx.py PAGE.html OUT.docx

No original .docx of these documents was published, so the gold set tests the .docx
reader on Word files made from the pages: the article's text (the page's article block,
TRS_Editor, article_con or UCAP-CONTENT, else the whole page without scripts) as
Word paragraphs, bold runs kept, and its tables as Word tables with their merged cells
(colspan as w:gridSpan, rowspan as w:vMerge). Only the standard library is used.
"""
import argparse
import html.parser
import json
import os
import re
import sys
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "center", "section", "article", "blockquote", "pre"}
SKIPPED = {"script", "style", "noscript", "iframe", "head", "title", "meta", "link", "select", "button", "form"}
# The class or id of the article block on government sites (TRS and UCAP CMS pages).
CONTENT_MARKERS = ("TRS_Editor", "article_con", "UCAP-CONTENT", "pages_content")


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []  # Node or str

    def text_length(self):
        return sum(len(c) if isinstance(c, str) else c.text_length() for c in self.children)


class TreeBuilder(html.parser.HTMLParser):
    VOID = {"br", "img", "hr", "input", "meta", "link", "col", "area", "base", "wbr", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("root", [], None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def content_root(root):
    """The article block of a whole page, else the page."""
    best = None
    stack = [root]
    while stack:
        node = stack.pop()
        names = (node.attrs.get("class") or "").split() + [node.attrs.get("id") or ""]
        if any(name in names for name in CONTENT_MARKERS):
            if best is None or node.text_length() > best.text_length():
                best = node
        stack.extend(c for c in node.children if isinstance(c, Node))
    return best or root


class DocxBody:
    """Collects Word paragraphs and tables as WordprocessingML."""

    def __init__(self):
        self.parts = []
        self.runs = []  # (text, bold)

    def text(self, data, bold):
        # HTML whitespace (the page's line breaks and indentation) is one space; U+3000
        # and U+00A0 are text.
        data = re.sub(r"[ \t\r\n]+", " ", data)
        if data:
            self.runs.append((data, bold))

    def end_paragraph(self):
        runs = self.runs
        self.runs = []
        while runs and not runs[0][0].strip(" "):
            runs = runs[1:]
        while runs and not runs[-1][0].strip(" "):
            runs = runs[:-1]
        if runs:
            runs[0] = (runs[0][0].lstrip(" "), runs[0][1])
            runs[-1] = (runs[-1][0].rstrip(" "), runs[-1][1])
            self.parts.append(paragraph_xml(runs))


def paragraph_xml(runs):
    out = ["<w:p>"]
    for text, bold in runs:
        properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
        out.append(f'<w:r>{properties}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')
    out.append("</w:p>")
    return "".join(out)


def walk(node, body, bold=False):
    for child in node.children:
        if isinstance(child, str):
            body.text(child, bold)
            continue
        tag = child.tag
        if tag in SKIPPED:
            continue
        if tag == "br":
            body.end_paragraph()
        elif tag == "table":
            body.end_paragraph()
            body.parts.append(table_xml(child))
        elif tag in BLOCKS:
            body.end_paragraph()
            walk(child, body, bold or tag.startswith("h"))
            body.end_paragraph()
        else:
            walk(child, body, bold or tag in ("b", "strong"))


def rows_of(table):
    rows = []
    stack = list(reversed(table.children))
    while stack:
        node = stack.pop()
        if isinstance(node, str) or node.tag == "table":
            continue
        if node.tag == "tr":
            rows.append([c for c in node.children if isinstance(c, Node) and c.tag in ("td", "th")])
        else:
            stack.extend(reversed(node.children))
    return rows


def span(cell, name):
    try:
        return max(1, int(cell.attrs.get(name) or 1))
    except ValueError:
        return 1


def table_xml(table):
    """A Word table: each row's cells placed on a grid, rowspans as vertical merges."""
    rows = rows_of(table)
    grid = []  # per row: list of (column, width, cell or None for a merge continuation)
    pending = {}  # column -> (rows left, width)
    for cells in rows:
        placed = []
        column = 0
        queue = list(cells)
        while queue or any(c >= column for c in pending):
            if column in pending:
                left, width = pending[column]
                placed.append((column, width, None))
                if left <= 1:
                    del pending[column]
                else:
                    pending[column] = (left - 1, width)
                column += width
                continue
            if not queue:
                column += 1
                continue
            cell = queue.pop(0)
            width = span(cell, "colspan")
            rowspan = span(cell, "rowspan")
            placed.append((column, width, cell))
            if rowspan > 1:
                pending[column] = (rowspan - 1, width)
            column += width
        grid.append(placed)
    columns = max((sum(w for _, w, _ in row) for row in grid), default=1)
    out = ["<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>"]
    out.extend('<w:gridCol w:w="1500"/>' for _ in range(columns))
    out.append("</w:tblGrid>")
    for placed in grid:
        out.append("<w:tr>")
        for _, width, cell in placed:
            properties = []
            if width > 1:
                properties.append(f'<w:gridSpan w:val="{width}"/>')
            if cell is None:
                properties.append("<w:vMerge/>")
            elif span(cell, "rowspan") > 1:
                properties.append('<w:vMerge w:val="restart"/>')
            out.append("<w:tc>" + (f"<w:tcPr>{''.join(properties)}</w:tcPr>" if properties else ""))
            body = DocxBody()
            if cell is not None:
                walk(cell, body)
                body.end_paragraph()
            out.append("".join(body.parts) or "<w:p/>")
            out.append("</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def make(page, out):
    with open(page, encoding="utf-8", errors="replace") as f:
        builder = TreeBuilder()
        builder.feed(f.read())
    body = DocxBody()
    walk(content_root(builder.root), body)
    body.end_paragraph()
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + "".join(body.parts)
        + "<w:sectPr/></w:body></w:document>"
    )
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>',
        "word/document.xml": document,
    }
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("page", nargs="?")
    parser.add_argument("output", nargs="?")
    parser.add_argument("--gold", help="a folder of *.gold.json: make every form they ask for")
    parser.add_argument("--out", help="with --gold, the folder to write <name>.docx into")
    parser.add_argument("--corpus-real", default=os.path.join(ROOT, "..", "shared", "corpus-real"))
    args = parser.parse_args()
    if args.page and args.output:
        make(args.page, args.output)
        return
    if not (args.gold and args.out):
        parser.error("give PAGE.html OUT.docx, or --gold DIR --out DIR")
    os.makedirs(args.out, exist_ok=True)
    made = 0
    for name in sorted(os.listdir(args.gold)):
        if not name.endswith(".gold.json"):
            continue
        with open(os.path.join(args.gold, name), encoding="utf-8") as f:
            gold = json.load(f)
        for form in gold.get("forms", []):
            if form.get("made") != "docx":
                continue
            source = gold["source"]
            base = args.corpus_real if source["corpus"] == "corpus-real" else ROOT
            page = os.path.join(base, source["path"])
            if not os.path.isfile(page):
                print(f"{name}: source not found: {page}", file=sys.stderr)
                continue
            make(page, os.path.join(args.out, name[: -len(".gold.json")] + ".docx"))
            made += 1
    print(f"made {made} .docx file(s) in {args.out}")


if __name__ == "__main__":
    main()
