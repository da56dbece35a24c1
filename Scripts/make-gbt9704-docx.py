#!/usr/bin/env python3
"""Writes a policy text as a .docx laid out like a government document (GB/T 9704).

    policyq text SEED.txt > IN.txt
    python3 Scripts/make-gbt9704-docx.py IN.txt OUT.docx [--columns 2]

The test of the PDF reader prints these with LibreOffice, so that the PDFs have the
layout of real 公文: A4 with the standard's margins, 仿宋 body at 16 pt with a two-character
first-line indent, 黑体 for 一、 headings and 楷体 for （一） headings, a red 发文机关标志
(the first line when it ends in 文件), a running header, and the page number "— N —" in the
footer. Each line of the input is one paragraph (as `policyq text` writes them); a run
of two lines or more with tabs is a table (one row a line, its cells between the tabs,
仿宋 at 12 pt, single lines around every cell; a short line between two rows is a heading
row across the table), as task tables are printed.
Only the standard library is used.
"""
import argparse
import re
import zipfile
from xml.sax.saxutils import escape

HEADING_1 = re.compile(r"^[一二三四五六七八九十]+、")
HEADING_2 = re.compile(r"^（[一二三四五六七八九十]+）")

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
</Relationships>"""

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def run(text, font="仿宋", size=32, color=None, bold=False):
    props = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>'
    if bold:
        props += "<w:b/>"
    if color:
        props += f'<w:color w:val="{color}"/>'
    props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def paragraph(runs, indent=True, center=False, after=0):
    props = '<w:kinsoku w:val="0"/><w:overflowPunct w:val="0"/><w:spacing w:line="560" w:lineRule="exact" w:after="%d"/>' % after
    if center:
        props += '<w:jc w:val="center"/>'
    else:
        props += '<w:jc w:val="both"/>'
        if indent:
            props += '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
    return f"<w:p><w:pPr>{props}</w:pPr>{runs}</w:p>"


def footer():
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("1", "宋体", 28)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    body = run("— ", "宋体", 28) + field + run(" —", "宋体", 28)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {W}>{paragraph(body, center=True)}</w:ftr>'


def header(text):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W}>{paragraph(run(text, "宋体", 21), center=True)}</w:hdr>'


def paragraphs_of(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def table(rows):
    """A Word table of rows of cells; columns as wide as their longest cell (within limits)."""
    count = max(len(row) for row in rows)
    longest = [max((len(row[i]) if i < len(row) and len(row) > 1 else 0) for row in rows)
               for i in range(count)]
    weights = [min(max(length, 5), 16) for length in longest]
    widths = [8844 * weight // sum(weights) for weight in weights]
    border = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    xml = [f'<w:tbl><w:tblPr><w:tblW w:w="8844" w:type="dxa"/><w:tblBorders>{border}</w:tblBorders>'
           f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    for row in rows:
        xml.append("<w:tr>")
        if len(row) == 1:
            # A heading row across the table (一、知识产权保护方面).
            props = '<w:spacing w:line="360" w:lineRule="exact"/><w:jc w:val="left"/>'
            xml.append(f'<w:tc><w:tcPr><w:tcW w:w="8844" w:type="dxa"/><w:gridSpan w:val="{count}"/></w:tcPr>'
                       f'<w:p><w:pPr>{props}</w:pPr>{run(row[0], "仿宋", 24)}</w:p></w:tc></w:tr>')
            continue
        cells = row + [""] * (count - len(row))
        for width, cell in zip(widths, cells):
            props = '<w:spacing w:line="360" w:lineRule="exact"/><w:jc w:val="left"/>'
            xml.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                       f'<w:p><w:pPr>{props}</w:pPr>{run(cell, "仿宋", 24) if cell else ""}</w:p></w:tc>')
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    return "".join(xml)


def document(text, columns):
    body = []
    blocks = paragraphs_of(text)
    rows = []
    for index, block in enumerate(blocks):
        # A run of lines with tabs is a table; a lone one stays a paragraph. A short line
        # between two rows is a heading row across the table.
        following = index + 1 < len(blocks) and "\t" in blocks[index + 1]
        if "\t" in block or (rows and following and len(block) < 40):
            rows.append([cell.strip() for cell in block.split("\t")])
            if following or (index + 1 < len(blocks) and len(blocks[index + 1]) < 40
                             and index + 2 < len(blocks) and "\t" in blocks[index + 2]):
                continue
            if len(rows) >= 2:
                body.append(table(rows))
                # Word needs a paragraph between a table and what follows.
                body.append(paragraph("", indent=False))
                rows = []
                continue
            rows = []
        if index == 0 and block.endswith("文件"):
            body.append(paragraph(run(block, "方正小标宋简体", 44, color="FF0000"), center=True, after=400))
        elif HEADING_1.match(block) and len(block) < 40:
            body.append(paragraph(run(block, "黑体")))
        elif HEADING_2.match(block) and len(block) < 40:
            body.append(paragraph(run(block, "楷体")))
        elif index < 4 and len(block) < 80 and ("〔" in block or "通知" in block):
            body.append(paragraph(run(block, "仿宋"), center=True))
        else:
            body.append(paragraph(run(block)))
    cols = f'<w:cols w:num="{columns}" w:space="425"/>' if columns > 1 else ""
    section = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/>'
        '<w:footerReference w:type="default" r:id="rIdF"/>'
        '<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>'
        f"{cols}</w:sectPr>"
    )
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{"".join(body)}{section}</w:body></w:document>'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text")
    parser.add_argument("out")
    parser.add_argument("--columns", type=int, default=1)
    parser.add_argument("--header", default="政策文件")
    args = parser.parse_args()
    with open(args.text, encoding="utf-8") as handle:
        text = handle.read()
    with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        archive.writestr("word/document.xml", document(text, args.columns))
        archive.writestr("word/footer1.xml", footer())
        archive.writestr("word/header1.xml", header(args.header))


if __name__ == "__main__":
    main()
