#!/usr/bin/env python3
"""Checks gold annotation files (docs/gold-format.md) before they are used.

    python3 Scripts/check-gold.py Tests/Gold/*.gold.json Tests/GoldAlignment/*.align.json [--corpus-real DIR]

Checks the JSON Schema (docs/gold.schema.json, when the jsonschema module is installed)
and what a schema cannot state: the source file exists; measure paths are unique; every
role and target points at a measure that is annotated; role triples are not repeated; a
measure's `line`, when given for a text or Markdown file, holds its label. For an
alignment (kind `alignment`): both documents exist, each side's measure paths are unique
and their lines hold their labels, every path of a link is among its side's measures,
and no pair of measures is linked twice. Prints one line per problem, `file: problem`, and
exits with 1 when there is any.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def fold_token(token):
    """A numbering token in the form eval compares (a rough copy, for the line check)."""
    table = {"（": "(", "）": ")", "．": ".", "﹒": ".", "、": ".", " ": "", "\u3000": ""}
    return "".join(table.get(c, c) for c in token).rstrip(".")


def check(path, corpus_real, schema):
    problems = []
    try:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
    except (OSError, ValueError) as error:
        return [f"cannot read: {error}"]
    if schema is not None:
        import jsonschema  # noqa: PLC0415 - optional

        for error in jsonschema.Draft202012Validator(schema).iter_errors(gold):
            where = "/".join(str(p) for p in error.absolute_path)
            problems.append(f"schema: {where}: {error.message}")
        if problems:
            return problems
    if gold.get("kind") == "alignment":
        return check_alignment(gold, corpus_real)
    lines = source_lines(gold["source"], corpus_real, problems)
    paths = measure_paths(gold["measures"], lines, problems)
    triples = set()
    for role in gold["roles"]:
        measure = role["measure"]
        if measure is not None and tuple(measure) not in paths:
            problems.append(f"role {role['department']}: measure {measure} is not annotated")
        if measure is None and "section" not in role:
            problems.append(f"role {role['department']}: outside measures but no section")
        triple = (tuple(measure or role.get("section", [])), role["department"], role["role"])
        if triple in triples:
            problems.append(f"role {triple} repeated")
        triples.add(triple)
    for target in gold["targets"]:
        measure = target["measure"]
        if measure is not None and tuple(measure) not in paths:
            problems.append(f"target {target['indicator']}: measure {measure} is not annotated")
    return problems


def source_lines(source, corpus_real, problems):
    """The lines of a .txt or .md source (None for other files, or when it is absent)."""
    base = corpus_real if source["corpus"] == "corpus-real" else ROOT
    document = os.path.join(base, source["path"])
    if not os.path.isfile(document):
        # Without the corpus folder at all, the source checks are skipped, as the tests
        # that read it are; a missing file inside it is a problem.
        if os.path.isdir(base):
            problems.append(f"source not found: {document}")
        return None
    if document.endswith((".txt", ".md")):
        with open(document, encoding="utf-8", errors="replace") as f:
            return f.read().split("\n")
    return None


def measure_paths(measures, lines, problems, side=""):
    """The measures' paths, checked: unique, and each line holding its label."""
    paths = set()
    for measure in measures:
        key = tuple(measure["path"])
        if key in paths:
            problems.append(f"{side}measure {list(key)} annotated twice")
        paths.add(key)
        line = measure.get("line")
        if lines is not None and line:
            if line > len(lines):
                problems.append(f"{side}measure {list(key)}: line {line} is past the end")
            else:
                label = fold_token(key[-1])
                text = fold_token(lines[line - 1])
                if not label.startswith("#") and label not in text:
                    problems.append(
                        f"measure {list(key)}: line {line} does not hold its label: {lines[line - 1][:40]!r}"
                    )
    return paths


def check_alignment(gold, corpus_real):
    problems = []
    sides = {}
    for side in ("a", "b"):
        lines = source_lines(gold[side], corpus_real, problems)
        sides[side] = measure_paths(gold[f"measures_{side}"], lines, problems, f"{side}: ")
    pairs = set()
    for number, link in enumerate(gold["links"], 1):
        for side in ("a", "b"):
            for path in link[side]:
                if tuple(path) not in sides[side]:
                    problems.append(f"link {number}: {side} {path} is not among measures_{side}")
        for a in link["a"]:
            for b in link["b"]:
                if (tuple(a), tuple(b)) in pairs:
                    problems.append(f"link {number}: {a} and {b} are linked twice")
                pairs.add((tuple(a), tuple(b)))
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--corpus-real", default=os.path.join(ROOT, "..", "shared", "corpus-real"))
    args = parser.parse_args()
    schema = None
    try:
        import jsonschema  # noqa: F401

        with open(os.path.join(ROOT, "docs", "gold.schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
    except ImportError:
        print("note: jsonschema is not installed; the schema is not checked", file=sys.stderr)
    failed = False
    for path in args.files:
        for problem in check(path, args.corpus_real, schema):
            print(f"{path}: {problem}")
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
