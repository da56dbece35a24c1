#!/usr/bin/env python3
"""Builds the background table of character-bigram document frequencies that
`policyq compare` weighs measure words with when no index is given.

    python3 Scripts/make-bigram-table.py [--corpus-real DIR] [--min-df N] \
        > Sources/PolicyCompare/Resources/bigram-df.txt

Reads every .md, .txt and .html file under corpus-real (../shared/corpus-real: public
official documents, see its README), keeps the characters compare keeps (ideographs,
digits, a to z after NFKC and lower-casing; markup, punctuation and spaces dropped, so a
bigram may span them as in compare), and counts in how many documents each bigram occurs.
Writes `# documents N` and then `bigram df` lines (df >= --min-df, default 40), sorted
by bigram; a bigram not listed occurs in fewer than min-df documents. Traditional
characters are not folded here (few documents use them); compare folds before looking up.
"""
import argparse
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def kept(text):
    text = unicodedata.normalize("NFKC", text).lower()
    out = []
    for c in text:
        o = ord(c)
        if (0x4E00 <= o <= 0x9FFF) or (0x3400 <= o <= 0x4DBF) or c.isdigit() and c.isascii() or ("a" <= c <= "z"):
            out.append(c)
    return "".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus-real", default=os.path.join(ROOT, "..", "shared", "corpus-real"))
    parser.add_argument("--min-df", type=int, default=40)
    args = parser.parse_args()
    df = {}
    documents = 0
    for folder, _, names in sorted(os.walk(args.corpus_real)):
        for name in sorted(names):
            if not name.endswith((".md", ".txt", ".html")):
                continue
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                text = f.read()
            if name.endswith(".html"):
                text = re.sub(r"<script.*?</script>|<style.*?</style>|<[^>]*>", " ", text, flags=re.S)
            scalars = kept(text)
            if not scalars:
                continue
            documents += 1
            for bigram in {scalars[i : i + 2] for i in range(len(scalars) - 1)}:
                df[bigram] = df.get(bigram, 0) + 1
    out = sys.stdout
    out.write(f"# documents {documents}\n")
    for bigram in sorted(b for b, n in df.items() if n >= args.min_df):
        out.write(f"{bigram} {df[bigram]}\n")


if __name__ == "__main__":
    main()
