#!/usr/bin/env python3
"""Writes the table of mapped feed attributes in docs/cli.md from schema/feeds/*.json.

The table sits between the lines `<!-- feed-attributes:begin -->` and
`<!-- feed-attributes:end -->`. Usage:
    feeds-doc.py [ROOT]          rewrite the table in ROOT/docs/cli.md
    feeds-doc.py --check [ROOT]  exit 1 when the table differs from the mapping files
Standard library only.
"""

import json
import os
import sys

BEGIN = "<!-- feed-attributes:begin -->"
END = "<!-- feed-attributes:end -->"
FORMATS = ("gmc", "shopify", "jsonld")


def rows(entries, attribute_prefix="", base=""):
    """(attributes, field path, note) of each entry, groups flattened."""
    for entry in entries:
        to = entry.get("to", "")
        path = ".".join(part for part in (base, to) if part)
        if "each" in entry:
            group = attribute_prefix + entry["each"]
            where = entry.get("where", {})
            condition = "".join(" (where `%s` is `%s`)" % item for item in where.items())
            if entry.get("with"):
                condition += " (each element with %s)" % ", ".join(
                    "`%s` = `%s`" % item for item in entry["with"].items())
            for field in rows(entry["fields"], group + ".", path):
                yield field[0], field[1], (field[2] + condition).strip()
            continue
        sources = entry["from"] if isinstance(entry["from"], list) else [entry["from"]]
        attributes = ", ".join("`%s%s`" % (attribute_prefix, source) for source in sources)
        details = []
        if "value" in entry:
            details.append("states `%s`" % entry["value"])
        if "when" in entry:
            details.append("only with `%s`" % entry["when"])
        convert = entry.get("convert", [])
        convert = convert if isinstance(convert, list) else [convert]
        if "money" in convert:
            details.append("`amount currency`")
        if entry.get("values"):
            details.append("values: " + ", ".join(
                "%s → %s" % item for item in entry["values"].items()))
        if entry.get("with"):
            details.append("each with " + ", ".join(
                "`%s` = `%s`" % item for item in entry["with"].items()))
        if entry.get("note"):
            details.append(entry["note"])
        yield attributes, path, "; ".join(details)


def table(root):
    lines = []
    for name in FORMATS:
        with open(os.path.join(root, "schema", "feeds", name + ".json"), encoding="utf-8") as f:
            mapping = json.load(f)
        lines.append("**`%s`: %s** (`schema/feeds/%s.json`, after %s)" %
                     (name, mapping["title"], name, mapping["specification"]))
        lines.append("")
        lines.append("| feed attribute | field | how |")
        lines.append("|---|---|---|")
        for attributes, path, how in rows(mapping["fields"]):
            lines.append("| %s | `%s` | %s |" % (attributes, path, how.replace("|", "\\|")))
        lines.append("")
    return "\n".join(lines)


def main(argv):
    check = "--check" in argv
    args = [arg for arg in argv if arg != "--check"]
    root = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    doc_path = os.path.join(root, "docs", "cli.md")
    with open(doc_path, encoding="utf-8") as f:
        doc = f.read()
    start, end = doc.index(BEGIN) + len(BEGIN), doc.index(END)
    updated = doc[:start] + "\n" + table(root) + "\n" + doc[end:]
    if check:
        if updated != doc:
            print("docs/cli.md: the feed attribute table differs from schema/feeds/*.json; "
                  "run tools/feeds-doc.py", file=sys.stderr)
            return 1
        return 0
    with open(doc_path, "w", encoding="utf-8") as f:
        f.write(updated)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
