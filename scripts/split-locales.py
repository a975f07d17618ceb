#!/usr/bin/env python3
"""Moves the texts of a question bank out of its structure files into per-language catalogues.

The question bank in questions/ used to carry every human text inline, in every language:

    text = { en = "Mode?", nl = "Modus?" }

Now the structure files (ids, kinds, show_if, raises, citations, ...) hold no text, and every
language has a folder questions/locales/<lang>/ that mirrors their names and order:

    questions/sections/01_screening.toml                 structure (comments kept)
    questions/locales/en/sections/01_screening.toml      [question.q_mode] text = "Mode?"
    questions/locales/nl/sections/01_screening.toml      [question.q_mode] text = "Modus?"

This script does that move. It is deterministic (same input, same bytes out) and idempotent:

  * On a bank in the old inline format it converts everything.
  * On a bank already split it changes nothing.
  * On a mixed bank (a branch that added or re-worded texts inline after the split, e.g. after
    merging main) it moves just those inline texts into the catalogues: a new entry is
    inserted after the entry that precedes it in the structure file; an existing field is
    replaced. Comments in the catalogues are kept.

Structure files keep every line but the text assignments. An inline `red_line = { ... }`
becomes `red_line = true` (whether an answer is a red line is structure; what it says is
text). Each language folder also needs a language.toml and a ui.toml (see questions/README.md);
this script does not write those.

Usage (from the repository root; python3 >= 3.11, no packages needed):

    python3 scripts/split-locales.py                   # convert questions/ in place
    python3 scripts/split-locales.py DIR               # convert another bank folder in place
    python3 scripts/split-locales.py --check [DIR]     # exit 1 if anything would change
    python3 scripts/split-locales.py --verify OLD DIR  # DIR (split) recombined == OLD (inline)

For a branch with edits in the old format: commit them, run the script, check with
`git diff` that only texts moved, commit ("split-locales.py"), then `git merge main` and
resolve conflicts in the new files (run the script again afterwards if a conflict
resolution brought back an inline text), then `cargo test --test bank`.
"""

import json
import os
import re
import sys
import tomllib

# Text fields per kind of table (the kind is the table's path without ids).
TEXT_FIELDS = {
    "bank": ["title"],
    "risk": ["title", "description"],
    "provision": ["label", "title"],
    "finding": ["authority", "date_note", "subject", "reference", "amount", "orders", "key_findings", "appeal"],
    "safeguard": ["title", "explanation"],
    "section": ["title", "intro"],
    "question": ["text", "help"],
    "question.option": ["label", "red_line", "find_out", "contradiction"],
}
# Fields whose presence is structure: the structure file says `red_line = true`.
FLAG_FIELDS = {"red_line", "contradiction"}
# Fields that hold a list of texts.
LIST_FIELDS = {"key_findings"}

FOLDERS = ["risks", "provisions", "findings", "safeguards", "sections"]


def structure_files(root):
    """The structure files of a bank, relative to root, in build order."""
    out = []
    if os.path.exists(os.path.join(root, "bank.toml")):
        out.append("bank.toml")
    for folder in FOLDERS:
        d = os.path.join(root, folder)
        if os.path.isdir(d):
            out += [f"{folder}/{n}" for n in sorted(os.listdir(d)) if n.endswith(".toml")]
    return out


# ---------------------------------------------------------------------------------------------
# A small line scanner for TOML: which lines are table headers, which span an assignment.


def scan_value(text, i, depth, state):
    """Scans one line's value characters from i. Returns (depth, state, comment_start).

    state is None, or the open multi-line string delimiter carried across lines."""
    n = len(text)
    comment = None
    while i < n:
        if state is not None:
            # inside a multi-line string
            j = text.find(state, i)
            if j < 0:
                return depth, state, None
            if state == '"""':
                # skip escaped quotes
                k = j
                bs = 0
                while k - 1 - bs >= 0 and text[k - 1 - bs] == "\\":
                    bs += 1
                if bs % 2 == 1:
                    i = j + 1
                    continue
            i = j + 3
            state = None
            continue
        c = text[i]
        if c == "#":
            comment = i
            break
        if text.startswith('"""', i) or text.startswith("'''", i):
            state = text[i : i + 3]
            i += 3
            continue
        if c == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            i += 1
            continue
        if c == "'":
            j = text.find("'", i + 1)
            i = n if j < 0 else j + 1
            continue
        if c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
        i += 1
    return depth, state, comment


HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\]?\s*(#.*)?$")
ASSIGN = re.compile(r"^(\s*)([A-Za-z0-9_\-]+)(?:\s*\.\s*[A-Za-z0-9_\-]+)*\s*=")


def scan(lines):
    """Items of a TOML file: ('header', line, path, is_array) and ('assign', start, end, key,
    comment_col_on_last_line) with end exclusive; other lines are not listed."""
    items = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = HEADER.match(line)
        if m and not ASSIGN.match(line):
            path = m.group(2).replace(" ", "")
            items.append(("header", i, path, m.group(1) == "[["))
            i += 1
            continue
        m = ASSIGN.match(line)
        if m:
            start = i
            depth, state, comment = scan_value(line, m.end(), 0, None)
            while depth > 0 or state is not None:
                i += 1
                if i >= len(lines):
                    raise SystemExit(f"unterminated value starting at line {start + 1}")
                depth, state, comment = scan_value(lines[i], 0, depth, state)
            items.append(("assign", start, i + 1, m.group(2), comment))
        i += 1
    return items


# ---------------------------------------------------------------------------------------------
# Entries: the tables of a structure file that carry texts, in file order.


def kind_of(rel):
    if rel == "bank.toml":
        return "bank"
    return {"risks": "risk", "provisions": "provision", "findings": "finding",
            "safeguards": "safeguard", "sections": "section"}[rel.split("/")[0]]


def entries(rel, data):
    """[(locale table path, kind, structure table dict)] in structure order."""
    k = kind_of(rel)
    if k == "bank":
        return [("bank", "bank", data.get("bank", {}))]
    if k == "section":
        out = [("section", "section", data.get("section", {}))]
        for q in data.get("question", []):
            out.append((f"question.{q['id']}", "question", q))
            for o in q.get("option", q.get("options", [])):
                out.append((f"question.{q['id']}.option.{o['id']}", "question.option", o))
        return out
    return [(f"{k}.{x['id']}", k, x) for x in data.get(k, [])]


def header_entries(rel, data, items):
    """For each header item index: the entry (path, kind) it opens (None if none)."""
    k = kind_of(rel)
    out = {}
    qi = -1
    oi = -1
    counts = {}
    for n, it in enumerate(items):
        if it[0] != "header":
            continue
        path = it[2]
        if k in ("bank",) and path == "bank":
            out[n] = ("bank", "bank")
        elif k == "section" and path == "section":
            out[n] = ("section", "section")
        elif k == "section" and path == "question" and it[3]:
            qi += 1
            oi = -1
            q = data["question"][qi]
            out[n] = (f"question.{q['id']}", "question")
        elif k == "section" and path in ("question.option", "question.options") and it[3]:
            oi += 1
            q = data["question"][qi]
            o = q.get("option", q.get("options"))[oi]
            out[n] = (f"question.{q['id']}.option.{o['id']}", "question.option")
        elif path == k and it[3]:
            c = counts.get(k, 0)
            counts[k] = c + 1
            out[n] = (f"{k}.{data[k][c]['id']}", k)
        else:
            out[n] = None
    return out


def is_inline_text(field, value):
    if field in LIST_FIELDS:
        return isinstance(value, list) and all(isinstance(v, dict) for v in value) and len(value) > 0
    return isinstance(value, dict)


def split_file(root, rel):
    """Returns (new structure text or None if unchanged, {path: [(field, {lang: value})]}, order)."""
    path = os.path.join(root, rel)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    data = tomllib.loads(text)
    lines = text.split("\n")
    items = scan(lines)
    heads = header_entries(rel, data, items)
    by_path = {p: (kind, tbl) for p, kind, tbl in entries(rel, data)}
    order = [p for p, _, _ in entries(rel, data)]

    moved = {}
    drop = set()
    replace = {}
    current = None
    seen = set()
    for n, it in enumerate(items):
        if it[0] == "header":
            current = heads.get(n)
            continue
        if current is None:
            continue
        _, start, end, key, comment = it
        epath, kind = current
        if key not in TEXT_FIELDS[kind]:
            continue
        value = by_path[epath][1].get(key)
        if not is_inline_text(key, value):
            continue
        if key in LIST_FIELDS:
            langs = []
            for v in value:
                for lang in v:
                    if lang not in langs:
                        langs.append(lang)
            per = {lang: [v.get(lang) for v in value] for lang in langs}
        else:
            per = dict(value)
        first = (epath, key) not in seen
        seen.add((epath, key))
        if first:
            moved.setdefault(epath, []).append((key, per))
        indent = re.match(r"^\s*", lines[start]).group(0)
        keep = []
        if key in FLAG_FIELDS and first:
            keep.append(f"{indent}{key} = true")
        if comment is not None:
            tail = lines[end - 1][comment:].rstrip()
            if keep:
                keep[0] += "   " + tail
            else:
                keep.append(indent + tail)
        for ln in range(start, end):
            drop.add(ln)
        replace[start] = keep
    if not moved:
        return None, {}, order
    out = []
    for ln, line in enumerate(lines):
        if ln in replace:
            out += replace[ln]
        elif ln not in drop:
            out.append(line)
    return "\n".join(out), moved, order


# ---------------------------------------------------------------------------------------------
# Catalogues


def toml_str(s):
    # A JSON string is a valid TOML basic string (same escapes).
    return json.dumps(s, ensure_ascii=False)


def field_lines(field, value):
    if isinstance(value, list):
        return [f"{field} = ["] + [f"  {toml_str(v)}," for v in value] + ["]"]
    return [f"{field} = {toml_str(value)}"]


def header_comment(lang, rel):
    return [
        f"# Texts ({lang}) of questions/{rel}, in the same tables and order as that structure file.",
        "# Ids, conditions, risks and citations live there; see questions/README.md.",
        "",
    ]


class Catalogue:
    """A catalogue file as a header plus blocks; each block is its lead (comments and blank
    lines before the table header), the header line and its body lines."""

    def __init__(self, lines):
        items = scan(lines)
        heads = [it for it in items if it[0] == "header"]
        self.blocks = []  # [path, lead lines, header line, body lines]
        if not heads:
            self.head = [l for l in lines]
            while self.head and self.head[-1] == "":
                self.head.pop()
            return
        first = heads[0][1]
        lead_start = first
        while lead_start > 0 and (lines[lead_start - 1].strip() == "" or lines[lead_start - 1].lstrip().startswith("#")):
            lead_start -= 1
        # keep the file's own header comment (up to its first blank line) as the head
        head_end = lead_start
        while head_end < first and lines[head_end].strip() != "":
            head_end += 1
        self.head = lines[:head_end]
        starts = [h[1] for h in heads]
        for idx, h in enumerate(heads):
            s = h[1]
            nxt = starts[idx + 1] if idx + 1 < len(starts) else len(lines)
            # body: up to the next block's lead
            body_end = nxt
            if idx + 1 < len(starts):
                while body_end > s + 1 and (lines[body_end - 1].strip() == "" or lines[body_end - 1].lstrip().startswith("#")):
                    body_end -= 1
            lead_from = head_end if idx == 0 else prev_end
            lead = [l for l in lines[lead_from:s]]
            while lead and lead[0] == "":
                lead.pop(0)
            body = lines[s + 1:body_end]
            while body and body[-1] == "":
                body.pop()
            self.blocks.append([h[2], lead, lines[s], body])
            prev_end = body_end

    def index(self, path):
        for i, b in enumerate(self.blocks):
            if b[0] == path:
                return i
        return None

    def set_field(self, path, field, value, order):
        i = self.index(path)
        if i is None:
            # insert after the closest preceding entry that exists
            pos = 0
            for p in order[: order.index(path)] if path in order else []:
                j = self.index(p)
                if j is not None:
                    pos = j + 1
            self.blocks.insert(pos, [path, [], f"[{path}]", []])
            i = pos
        body = self.blocks[i][3]
        items = scan(body)
        for it in items:
            if it[0] == "assign" and it[3] == field:
                body[it[1]:it[2]] = field_lines(field, value)
                return
        # append, keeping the field order of TEXT_FIELDS where possible
        body.extend(field_lines(field, value))

    def text(self):
        out = list(self.head)
        for _, lead, header, body in self.blocks:
            out.append("")
            out += lead
            out.append(header)
            out += body
        return "\n".join(out).rstrip("\n") + "\n"


def convert(root, check=False):
    changed = []
    for rel in structure_files(root):
        new_text, moved, order = split_file(root, rel)
        if new_text is None:
            continue
        langs = []
        for fields in moved.values():
            for _, per in fields:
                for lang in per:
                    if lang not in langs:
                        langs.append(lang)
        writes = {os.path.join(root, rel): new_text}
        for lang in langs:
            cpath = os.path.join(root, "locales", lang, rel)
            if os.path.exists(cpath):
                with open(cpath, encoding="utf-8") as f:
                    cat = Catalogue(f.read().split("\n"))
            else:
                cat = Catalogue(header_comment(lang, rel))
            for epath in order:
                for field, per in moved.get(epath, []):
                    if lang in per:
                        cat.set_field(epath, field, per[lang], order)
            writes[cpath] = cat.text()
        for p, t in writes.items():
            changed.append(os.path.relpath(p, root))
            if not check:
                os.makedirs(os.path.dirname(p), exist_ok=True)
                with open(p, "w", encoding="utf-8") as f:
                    f.write(t)
    return changed


# ---------------------------------------------------------------------------------------------
# Verification: structure + catalogues recombined == the old inline bank.


def recombine(root):
    langs = sorted(d for d in os.listdir(os.path.join(root, "locales")) if os.path.isdir(os.path.join(root, "locales", d)))
    out = {}
    for rel in structure_files(root):
        with open(os.path.join(root, rel), "rb") as f:
            data = tomllib.load(f)
        cats = {}
        for lang in langs:
            p = os.path.join(root, "locales", lang, rel)
            if os.path.exists(p):
                with open(p, "rb") as f:
                    cats[lang] = tomllib.load(f)
        for epath, kind, tbl in entries(rel, data):
            for field in TEXT_FIELDS[kind]:
                per = {}
                for lang, cat in cats.items():
                    node = cat
                    for part in epath.split("."):
                        node = node.get(part, {}) if isinstance(node, dict) else {}
                    if field in node:
                        per[lang] = node[field]
                if not per:
                    continue
                if field in LIST_FIELDS:
                    n = max(len(v) for v in per.values())
                    tbl[field] = [{lang: v[i] for lang, v in per.items() if i < len(v)} for i in range(n)]
                else:
                    tbl[field] = per
        out[rel] = data
    return out


def comments(path):
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f.read().split("\n") if l.strip().startswith("#")]


def verify(old, new):
    ok = True
    old_files = structure_files(old)
    if old_files != structure_files(new):
        print(f"different structure files: {old_files} vs {structure_files(new)}")
        ok = False
    for rel in structure_files(new):
        with open(os.path.join(new, rel), "rb") as f:
            data = tomllib.load(f)
        for epath, kind, tbl in entries(rel, data):
            for field in TEXT_FIELDS[kind]:
                if field in tbl and not (field in FLAG_FIELDS and tbl[field] is True):
                    print(f"{rel}: {epath}.{field} is still in the structure file")
                    ok = False
    combined = recombine(new)
    for rel in old_files:
        with open(os.path.join(old, rel), "rb") as f:
            before = tomllib.load(f)
        if before != combined.get(rel):
            print(f"{rel}: recombined content differs from the original")
            ok = False
        if comments(os.path.join(old, rel)) != comments(os.path.join(new, rel)):
            print(f"{rel}: comments differ")
            ok = False
    print("verified: structure + locales == original" if ok else "verification FAILED")
    return ok


def main(argv):
    args = argv[1:]
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if args[:1] == ["--verify"]:
        if len(args) != 3:
            raise SystemExit("usage: split-locales.py --verify OLD_DIR NEW_DIR")
        return 0 if verify(args[1], args[2]) else 1
    check = False
    if args[:1] == ["--check"]:
        check = True
        args = args[1:]
    root = args[0] if args else os.path.join(here, "questions")
    changed = convert(root, check=check)
    if check:
        if changed:
            print("inline texts left in: " + ", ".join(changed))
            print("run: python3 scripts/split-locales.py")
            return 1
        print("no inline texts")
        return 0
    print("\n".join(f"wrote {c}" for c in changed) if changed else "nothing to move: no inline texts")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
