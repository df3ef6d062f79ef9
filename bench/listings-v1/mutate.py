#!/usr/bin/python3
"""Missing-data variants of listings-v1 input, for the correctness check (check.sh).

    mutate.py --seed S < listings.jsonl > mutated.jsonl

Each listing is written with 1-4 random edits, each at a random place of the record: a key
or a list element removed, a string emptied (""), a list emptied ([]). These are the shapes
that WORKLOAD.md's present/missing and "missing: not applicable" clauses are about; the
generator produces only a few of them. The edits stay inside the data model where it is easy
to: types are never changed, nothing is set to null (the model forbids null), a key that
the schema (../../schema/*.schema.json) marks `required` in its object is never removed,
`kind` and `id` are kept. An edit can still break the schema (an empty country code, a list
below its minimum length); tradelint reports such a record `invalid` (schema_violation), and
check-listings-v1.sh leaves it out of the comparison, since the workload is defined on valid
records only. Python 3 standard library only.
"""
import argparse
import json
import os
import random
import sys

SCHEMA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "schema")


class Schema:
    """Just enough JSON Schema to answer: which keys does the object at this path require?"""

    def __init__(self, directory):
        self.dir = directory
        self.files = {}
        self.root = self.load("listing.schema.json")

    def load(self, name):
        if name not in self.files:
            with open(os.path.join(self.dir, name), encoding="utf-8") as f:
                self.files[name] = json.load(f)
        return self.files[name]

    def resolve(self, node, name):
        """Follows $ref (and allOf) to (properties, required, items) of node in file name."""
        props, required, items = {}, set(), None
        stack = [(node, name)]
        while stack:
            n, f = stack.pop()
            if not isinstance(n, dict):
                continue
            if "$ref" in n:
                target, _, pointer = n["$ref"].partition("#")
                f2 = target or f
                t = self.load(f2)
                for part in pointer.strip("/").split("/") if pointer.strip("/") else []:
                    t = t[part]
                stack.append((t, f2))
            for sub in n.get("allOf", []):
                stack.append((sub, f))
            for k, v in n.get("properties", {}).items():
                props.setdefault(k, (v, f))
            required.update(n.get("required", []))
            if "items" in n and items is None:
                items = (n["items"], f)
        return props, required, items

    def required_at(self, path):
        """Keys required in the object at path (a tuple of keys and indexes); unknown: none."""
        node = (self.root, "listing.schema.json")
        for step in path:
            props, _, items = self.resolve(*node)
            if isinstance(step, int):
                node = items
            else:
                node = props.get(step)
            if node is None:
                return set()
        return self.resolve(*node)[1]


def places(value, path=()):
    """Every (container, key) below value, depth first."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield value, k, path + (k,)
            yield from places(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield value, i, path + (i,)
            yield from places(v, path + (i,))


def mutate(rng, rec, schema):
    for _ in range(rng.randint(1, 4)):
        spots = [(c, k, p) for c, k, p in places(rec) if p[0] not in ("kind", "id")]
        if not spots:
            return
        container, key, path = rng.choice(spots)
        value = container[key]
        if isinstance(value, (str, list)) and rng.random() < 0.5:
            container[key] = type(value)()
        elif isinstance(key, int) or key not in schema.required_at(path[:-1]):
            del container[key]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--schema", default=SCHEMA_DIR, help="folder of listing.schema.json")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    schema = Schema(a.schema)
    for line in sys.stdin:
        if not line.strip():
            continue
        rec = json.loads(line)
        mutate(rng, rec, schema)
        sys.stdout.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
