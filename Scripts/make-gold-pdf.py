#!/usr/bin/env python3
"""Makes the PDF forms of gold documents: printed like government PDFs (docs/gold-format.md).

    python3 Scripts/make-gold-pdf.py --gold Tests/Gold --out DIR [--policyq PATH] [--corpus-real DIR]

For every gold file whose `forms` ask for {"made": "pdf"}, the source's paragraphs (as
`policyq text` gives them) are laid out as a GB/T 9704 .docx by make-gbt9704-docx.py
(仿宋 body, 黑体 headings, a red title, a running header, "— N —" page numbers) and printed
to DIR/<name>.pdf by LibreOffice (soffice --headless, its own profile, a time limit).
`policyq eval Tests/Gold --made DIR` then scores the PDFs beside the text forms. Only the
standard library is used; LibreOffice and a built policyq are needed.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True, help="a folder of *.gold.json")
    parser.add_argument("--out", required=True, help="the folder to write <name>.pdf into")
    parser.add_argument("--policyq", default=os.path.join(ROOT, ".build", "debug", "policyq"))
    parser.add_argument("--corpus-real", default=os.path.join(ROOT, "..", "shared", "corpus-real"))
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("make-gold-pdf: LibreOffice (soffice) is not installed")
    os.makedirs(args.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="gold-pdf-")
    try:
        docx_files = []
        for name in sorted(os.listdir(args.gold)):
            if not name.endswith(".gold.json"):
                continue
            with open(os.path.join(args.gold, name), encoding="utf-8") as handle:
                gold = json.load(handle)
            if not any(form.get("made") == "pdf" for form in gold.get("forms", [])):
                continue
            source = gold["source"]
            base = args.corpus_real if source["corpus"] == "corpus-real" else ROOT
            path = os.path.join(base, source["path"])
            if not os.path.isfile(path):
                print(f"{name}: source not found: {path}", file=sys.stderr)
                continue
            text = subprocess.run([args.policyq, "text", path], capture_output=True, check=True).stdout
            stem = name[: -len(".gold.json")]
            paragraphs = os.path.join(work, stem + ".txt")
            with open(paragraphs, "wb") as handle:
                handle.write(text)
            docx = os.path.join(work, stem + ".docx")
            subprocess.run(
                [sys.executable, os.path.join(HERE, "make-gbt9704-docx.py"), paragraphs, docx],
                check=True)
            docx_files.append(docx)
        if docx_files:
            profile = "file://" + os.path.join(work, "profile")
            subprocess.run(
                ["timeout", "-k", "5", "600", soffice, "--headless", f"-env:UserInstallation={profile}",
                 "--convert-to", "pdf", "--outdir", args.out] + docx_files,
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        made = sum(
            os.path.isfile(os.path.join(args.out, os.path.basename(d)[:-5] + ".pdf")) for d in docx_files)
        print(f"made {made} PDF file(s) in {args.out}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
