#!/usr/bin/env python3
"""Checks the include layering of docs/architecture.md.

- A file in engine/<stage>/ includes only headers of its own stage and of the stages above
  it in STAGES (the table of docs/architecture.md); engine/ never includes plugins/ or tools/.
- plugins/ includes only engine stages up to `plugin`, and never tools/.
- A header under engine/<stage>/internal/ is included only from engine/<stage>/ and from that
  stage's unit tests (tests/unit/<stage>/).

Prints each violation as `file:line: message` and exits 1 when there is one.
Usage: tools/check-layering.py [SOURCE_DIR]
"""
import os
import re
import sys

# The stages of docs/architecture.md, top (depended on) to bottom; a tuple is one level.
STAGES = [("base",), ("source", "diag"), ("value",), ("json",), ("schema",), ("markets",),
          ("refdata",), ("screening",), ("plugin",), ("input",), ("ast",), ("parse",), ("check", "format"), ("plan",),
          ("eval",), ("ruleset",), ("api",), ("report",)]
LEVEL = {stage: level for level, stages in enumerate(STAGES) for stage in stages}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
SOURCES = (".h", ".cc", ".cpp", ".hpp")


def engine_stage(path):
    """The stage of `engine/<stage>/...`, else None."""
    parts = path.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "engine" else None


def problem(source, included):
    """Why `source` may not include `included` (both relative to the root), or None."""
    target_stage = engine_stage(included)
    parts = included.split("/")
    if target_stage is not None and len(parts) > 3 and parts[2] == "internal":
        own_test = source.startswith("tests/unit/%s/" % target_stage)
        if engine_stage(source) != target_stage and not own_test:
            return "includes %s, internal to engine/%s" % (included, target_stage)
    stage = engine_stage(source)
    if source.startswith("plugins/"):
        if parts[0] == "tools":
            return "plugins/ includes tools/ (%s)" % included
        if target_stage is not None and LEVEL.get(target_stage, 0) > LEVEL["plugin"]:
            return "plugins/ includes %s, below the plugin stage" % included
    if stage is None:
        return None
    if stage not in LEVEL:
        return "engine/%s is not a stage of docs/architecture.md" % stage
    if parts[0] in ("plugins", "tools"):
        return "engine/ includes %s" % included
    if target_stage is not None:
        if target_stage not in LEVEL:
            return "includes %s, of no known stage" % included
        if LEVEL[target_stage] > LEVEL[stage]:
            return "engine/%s includes %s, of the later stage %s" % (stage, included, target_stage)
    return None


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(os.path.dirname(__file__), ".."))
    violations = 0
    for top in ("engine", "plugins", "tools", "tests", "bench"):
        for directory, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if not name.endswith(SOURCES):
                    continue
                path = os.path.join(directory, name)
                source = os.path.relpath(path, root).replace(os.sep, "/")
                with open(path, encoding="utf-8", errors="replace") as f:
                    for number, line in enumerate(f, 1):
                        match = INCLUDE.match(line)
                        if not match:
                            continue
                        why = problem(source, match.group(1))
                        if why:
                            print("%s:%d: %s" % (source, number, why))
                            violations += 1
    if violations:
        print("check-layering: %d violation(s) of docs/architecture.md's layering" % violations)
        return 1
    print("check-layering: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
