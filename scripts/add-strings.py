#!/usr/bin/env python3
"""Adds interface strings to both resource files from a TSV of key, Bahasa Indonesia, English.
Keys that already exist are left alone. Usage: scripts/add-strings.py FILE.tsv"""
import sys
from xml.sax.saxutils import escape

base = "src/Tuntas.Web/Resources/SharedResource"
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
for suffix, column in ((".resx", 1), (".en.resx", 2)):
    path = base + suffix
    text = open(path, encoding="utf-8").read()
    added = ""
    for row in rows:
        if f'<data name="{row[0]}"' in text:
            continue
        added += f'  <data name="{row[0]}" xml:space="preserve">\n    <value>{escape(row[column])}</value>\n  </data>\n'
    text = text.replace("</root>", added + "</root>")
    open(path, "w", encoding="utf-8").write(text)
