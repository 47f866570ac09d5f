#!/usr/bin/env python3
"""Writes src/core/grapheme_tables.inc: the UAX #29 Grapheme_Cluster_Break classes and
Extended_Pictographic as sorted code point ranges, from the Unicode data files Debian's
`unicode-data` package installs (/usr/share/unicode). Hangul LV/LVT syllables are left out:
grapheme.cpp computes them. Run: python3 tools/gen_grapheme_tables.py [UNICODE_DIR]"""
import os
import re
import sys

from unicode_tables import merge_ranges, write_table

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UCD = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
LINE = re.compile(r"^([0-9A-F]+)(?:\.\.([0-9A-F]+))?\s*;\s*(\w+)")
# Enum order of GraphemeClass in grapheme.h.
CLASSES = ["Other", "CR", "LF", "Control", "Extend", "ZWJ", "RegionalIndicator", "Prepend",
           "SpacingMark", "L", "V", "T", "LV", "LVT", "ExtPict"]
NAMES = {"Regional_Indicator": "RegionalIndicator", "Extended_Pictographic": "ExtPict"}


def ranges(path, wanted=None):
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = LINE.match(line)
            if not m:
                continue
            lo = int(m.group(1), 16)
            hi = int(m.group(2) or m.group(1), 16)
            name = NAMES.get(m.group(3), m.group(3))
            if wanted is None or name in wanted:
                yield lo, hi, name


def main():
    prop = {}
    for lo, hi, name in ranges(os.path.join(UCD, "auxiliary", "GraphemeBreakProperty.txt")):
        if name in ("LV", "LVT"):
            continue  # Hangul syllables: computed in grapheme.cpp
        for c in range(lo, hi + 1):
            prop[c] = name
    for lo, hi, name in ranges(os.path.join(UCD, "emoji", "emoji-data.txt"), {"ExtPict"}):
        for c in range(lo, hi + 1):
            if c in prop:
                sys.exit("U+%04X is both %s and Extended_Pictographic" % (c, prop[c]))
            prop[c] = "ExtPict"
    out = merge_ranges(prop, skip=None)
    version = "?"
    with open(os.path.join(UCD, "auxiliary", "GraphemeBreakProperty.txt"), encoding="utf-8") as f:
        m = re.search(r"GraphemeBreakProperty-([\d.]+)\.txt", f.readline())
        if m:
            version = m.group(1)
    dest = os.path.join(ROOT, "src", "core", "grapheme_tables.inc")
    write_table(dest, "tools/gen_grapheme_tables.py", version,
                "{first, last, GraphemeClass} sorted by first; Hangul LV/LVT are computed.", out, CLASSES)

if __name__ == "__main__":
    main()
