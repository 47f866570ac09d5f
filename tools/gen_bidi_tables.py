#!/usr/bin/env python3
"""Writes src/core/bidi_tables.inc: the Bidi_Class of every code point that is not L, as sorted
code point ranges, from UnicodeData.txt of Debian's `unicode-data` package (/usr/share/unicode).
Unassigned code points in the right-to-left blocks get the defaults UAX #44 gives them (R or AL).
Run: python3 tools/gen_bidi_tables.py [UNICODE_DIR]"""
import os
import sys

from unicode_tables import merge_ranges, readme_version, unicode_data, write_table

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UCD = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
# Enum order of BidiClass in bidi.h.
CLASSES = ["L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON",
           "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"]
# Defaults of unassigned code points (DerivedBidiClass.txt's @missing lines, main blocks).
DEFAULTS = [
    (0x0590, 0x05FF, "R"), (0x0600, 0x07BF, "AL"), (0x07C0, 0x085F, "R"),
    (0x0860, 0x08FF, "AL"), (0x20A0, 0x20CF, "ET"), (0xFB1D, 0xFB4F, "R"),
    (0xFB50, 0xFDCF, "AL"), (0xFDF0, 0xFDFF, "AL"), (0xFE70, 0xFEFF, "AL"),
    (0x10800, 0x10CFF, "R"), (0x10D00, 0x10D3F, "AL"), (0x10D40, 0x10EBF, "R"),
    (0x10EC0, 0x10EFF, "AL"), (0x10F00, 0x10F2F, "R"), (0x10F30, 0x10F6F, "AL"),
    (0x10F70, 0x10FFF, "R"), (0x1E800, 0x1EC6F, "R"), (0x1EC70, 0x1ECBF, "AL"),
    (0x1ECC0, 0x1ECFF, "R"), (0x1ED00, 0x1ED4F, "AL"), (0x1ED50, 0x1EDFF, "R"),
    (0x1EE00, 0x1EEFF, "AL"), (0x1EF00, 0x1EFFF, "R"),
]


def main():
    prop = {}
    for lo, hi, name in DEFAULTS:
        for c in range(lo, hi + 1):
            prop[c] = name
    for c, fields in unicode_data(UCD):
        prop[c] = fields[4]
    out = merge_ranges(prop, skip="L")
    version = readme_version(UCD)
    dest = os.path.join(ROOT, "src", "core", "bidi_tables.inc")
    write_table(dest, "tools/gen_bidi_tables.py", version,
                "{first, last, BidiClass} sorted by first; everything else is L.", out, CLASSES)

if __name__ == "__main__":
    main()
