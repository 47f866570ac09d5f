#!/usr/bin/env python3
"""Writes src/core/arabic_tables.inc for display_text.cpp: the Joining_Type of every code point
that joins or is transparent (ArabicShaping.txt; unlisted Mn, Me and Cf are T), the contextual
presentation forms of each letter (UnicodeData.txt's <isolated>, <final>, <initial> and <medial>
decompositions of one code point) and the lam-alef ligatures (<isolated>/<final> 0644 + alef),
from Debian's `unicode-data` package (/usr/share/unicode).
Run: python3 tools/gen_arabic_tables.py [UNICODE_DIR]"""
import os
import re
import sys

from unicode_tables import merge_ranges, readme_version, unicode_data, write_rows

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UCD = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
# Enum order of JoiningType in display_text.cpp.
CLASSES = ["U", "R", "L", "D", "C", "T"]
FORMS = ["isolated", "final", "initial", "medial"]
LAM = 0x0644


def main():
    joining = {}
    forms = {}
    ligatures = {}
    for c, fields in unicode_data(UCD):
        if fields[2] in ("Mn", "Me", "Cf"):
            joining[c] = "T"
        m = re.match(r"<(\w+)> ([0-9A-F ]+)$", fields[5])
        if not m or m.group(1) not in FORMS:
            continue
        parts = [int(p, 16) for p in m.group(2).split()]
        if len(parts) == 1:
            forms.setdefault(parts[0], {}).setdefault(m.group(1), c)
        elif len(parts) == 2 and parts[0] == LAM and 0xFEF5 <= c <= 0xFEFC:
            ligatures.setdefault(parts[1], {})[m.group(1)] = c
    line = re.compile(r"^([0-9A-F]+); [^;]*; ([A-Z]);")
    with open(os.path.join(UCD, "ArabicShaping.txt"), encoding="utf-8") as f:
        for text in f:
            m = line.match(text)
            if m:
                joining[int(m.group(1), 16)] = m.group(2)
    rows = ["#ifdef SCHOLION_JOINING_TYPES"]
    rows += ["{0x%X, 0x%X, %d}," % (lo, hi, CLASSES.index(name))
            for lo, hi, name in merge_ranges(joining, skip="U")]
    rows += ["#endif", "#ifdef SCHOLION_ARABIC_FORMS"]
    for base in sorted(forms):
        rows.append("{0x%X, %s}," % (base, ", ".join("0x%X" % forms[base].get(k, 0) for k in FORMS)))
    rows += ["#endif", "#ifdef SCHOLION_LAM_ALEF"]
    for alef in sorted(ligatures):
        rows.append("{0x%X, 0x%X, 0x%X}," % (alef, ligatures[alef]["isolated"], ligatures[alef]["final"]))
    rows.append("#endif")
    dest = os.path.join(ROOT, "src", "core", "arabic_tables.inc")
    write_rows(dest, "tools/gen_arabic_tables.py", readme_version(UCD),
               "Included three times: joining types {first, last, JoiningType}, forms {base, "
               "isolated, final, initial, medial}, lam-alef {alef, isolated, final}.", rows)

if __name__ == "__main__":
    main()
