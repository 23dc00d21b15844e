#!/usr/bin/env python3
"""Merge texts into the locale files (sorted keys, 2-space indent) so that several people can add keys safely.

Usage: scripts/add-locale.py FILE.json   where FILE.json is {"key": {"en": "...", "zh-Hans": "..."}, ...}
   or: scripts/add-locale.py KEY "English text" "中文文本"
"""
import fcntl
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "RapportWeb", "Locales")


def merge(entries):
    lock = open("/tmp/rapport-locales.lock", "w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        for language in ("en", "zh-Hans"):
            path = os.path.join(ROOT, f"{language}.json")
            with open(path, encoding="utf-8") as f:
                table = json.load(f)
            for key, texts in entries.items():
                if language not in texts or not texts[language].strip():
                    sys.exit(f"{key}: missing {language} text")
                table[key] = texts[language]
            keys = sorted(table)
            for a, b in zip(keys, keys[1:]):
                if b.startswith(a + "."):
                    sys.exit(f"key {a} is a prefix of {b}: templates cannot read both")
            with open(path, "w", encoding="utf-8") as f:
                f.write(json.dumps(table, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)


if __name__ == "__main__":
    if len(sys.argv) == 2:
        with open(sys.argv[1], encoding="utf-8") as f:
            merge(json.load(f))
    elif len(sys.argv) == 4:
        merge({sys.argv[1]: {"en": sys.argv[2], "zh-Hans": sys.argv[3]}})
    else:
        sys.exit(__doc__)
