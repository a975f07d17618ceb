#!/usr/bin/env python3
"""Adds a pseudo-language to a copy of a question bank, for the third-language test.

    scripts/pseudo-locale.py <bank-folder> [code]

Copies <bank-folder>/locales/en/ to <bank-folder>/locales/<code>/ (default `qps-ploc`, the
usual pseudo-locale tag) and wraps every string in it in ⟦ ⟧, placeholders kept, with its own
language.toml. Nothing else is touched: that a language is only its folder is what the test
checks (tests/third-language.sh). Run it on a copy, never on questions/ itself.
"""
import re
import shutil
import sys
from pathlib import Path

STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
KEY = re.compile(r'^\s*[A-Za-z0-9_.-]+\s*=')


def wrap(line: str) -> str:
    stripped = line.strip()
    if not stripped or stripped.startswith('#') or stripped.startswith('['):
        return line
    m = KEY.match(line)
    head, tail = (line[: m.end()], line[m.end():]) if m else ('', line)
    return head + STRING.sub(lambda s: '"⟦' + s.group(1) + '⟧"', tail)


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    bank = Path(sys.argv[1])
    code = sys.argv[2] if len(sys.argv) > 2 else 'qps-ploc'
    src, dst = bank / 'locales' / 'en', bank / 'locales' / code
    if bank.resolve() == (Path(__file__).resolve().parent.parent / 'questions'):
        sys.exit('pseudo-locale.py: refusing to change questions/ itself; give it a copy')
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst)
    for f in dst.rglob('*.toml'):
        if f.name == 'language.toml':
            continue
        f.write_text(''.join(wrap(l) for l in f.read_text(encoding='utf-8').splitlines(keepends=True)), encoding='utf-8')
    (dst / 'language.toml').write_text(
        '[language]\n'
        'name = "Pseudo ⟦test⟧"\n'
        'plural = "one_other"\n'
        'quotes = ["«", "»"]\n'
        'date_locale = "en-GB"\n'
        'loading = "⟦Loading…⟧"\n'
        'unavailable = "⟦The texts could not be loaded.⟧"\n',
        encoding='utf-8',
    )
    print(f'pseudo-locale.py: wrote {dst}')


main()
