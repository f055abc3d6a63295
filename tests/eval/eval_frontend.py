#!/usr/bin/python3
"""eval_frontend.py — how well tingbao reads Mandarin (run by `make eval`).

Scores the front end against hand-checked references in tests/pinyin/:
- seed-*.ref: the seed digest, every Han character with its reading.  The
  digest goes through the real pipeline (tingbao split, then pronounce on
  each field), so what is scored is what listeners hear.
- heldout.ref: news text the front end was not developed on.
- numbers.ref: how numbers and symbols are said, as whole phrases.
Then the seed is synthesized to count espeak-ng's English fallbacks on Han
text (phoneme trace) and the characters left without a reading.
Prints the figures and the remaining errors; exits 1 if a target is missed.
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TB = os.path.join(ROOT, "tingbao")
REF = os.path.join(ROOT, "tests", "pinyin")
SEED = os.path.join(ROOT, "content", "yiwu-cppcc-14-1")
TARGETS = {"seed": 99.5, "heldout": 99.0, "numbers": 100.0}


def is_han(ch):
    c = ord(ch)
    return (0x4E00 <= c <= 0x9FFF or 0x3400 <= c <= 0x4DBF or 0xF900 <= c <= 0xFAFF
            or 0x20000 <= c <= 0x323AF or ch in "〇々")


def read_ref(name):
    """[(source text, [syllable alternatives per Han char])]"""
    rows = []
    with open(os.path.join(REF, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            src, py = line.split("\t")
            syls = [s.split("|") for s in py.split()]
            han = [c for c in src if is_han(c)]
            if len(han) != len(syls):
                sys.exit(f"{name}:{n}: {len(han)} Han characters, {len(syls)} syllables")
            rows.append((src, syls))
    return rows


def pronounce(text):
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write(text)
    try:
        out = subprocess.run([TB, "pronounce", "--json", "-C", os.path.join(ROOT, "content"),
                              "-f", f.name], check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(f.name)
    return json.loads(out)


def han_readings(tokens):
    """[(character, syllable or None, word)] for the Han characters of the source."""
    out = []
    for t in tokens:
        han = [c for c in t["src"] if is_han(c)]
        if not han:
            continue
        syls = t["pinyin"].split()
        if len(syls) != len(han):
            syls = [None] * len(han)
        for c, s in zip(han, syls):
            out.append((c, s, t["src"]))
    return out


def score(name, got, ref_chars):
    """Compares position by position; returns (total, right, errors)."""
    want = [(c, alts) for src, syls in ref_chars for c, alts in zip([c for c in src if is_han(c)], syls)]
    if [c for c, _ in want] != [c for c, _, _ in got]:
        for i, ((a, _), (b, _, _)) in enumerate(zip(want, got)):
            if a != b:
                sys.exit(f"{name}: the reference and the text differ at Han character {i}: {a} / {b}")
        sys.exit(f"{name}: the reference has {len(want)} Han characters, the text {len(got)}")
    errors = []
    right = 0
    for (c, alts), (_, s, word) in zip(want, got):
        if s in alts:
            right += 1
        else:
            errors.append((word, c, s, "|".join(alts)))
    return len(want), right, errors


def seed_fields():
    d = json.loads(subprocess.run([TB, "split", "--json", SEED], check=True,
                                  capture_output=True, text=True).stdout)
    fields = list(zip(d["source_lines"]["heading"], d["heading"]))
    for s in d["speeches"]:
        lines = s["source_lines"]
        fields += zip(lines["paragraphs"], s["paragraphs"])
        fields += zip(lines["title"], s["title_lines"])
        fields.append((lines["attribution"], s["attribution"]))
    if d["credit"]:
        fields.append((d["source_lines"]["credit"], d["credit"]))
    fields.sort(key=lambda f: f[0])
    return [text for _, text in fields]


def numbers():
    cases = []
    with open(os.path.join(REF, "numbers.ref"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                src, said = line.split("\t")
                cases.append((src, said.split("|")))
    tokens = pronounce("\n".join(src for src, _ in cases))
    said, current = [], []
    for t in tokens:
        if "\n" in t["src"]:
            said.append("".join(current))
            current = []
        elif not t["src"].isspace():
            current.append(t["text"])
    said.append("".join(current))
    # Only what is said counts: Han characters and Latin letters.  〇 and
    # 零 are one syllable (ling2), so they count as the same.
    def strip(s):
        return "".join(c for c in s if is_han(c) or c.isascii() and c.isalpha()).replace("〇", "零")
    errors = [(src, got, "|".join(alts)) for (src, alts), got in zip(cases, said)
              if strip(got) not in [strip(a) for a in alts]]
    return len(cases), len(cases) - len(errors), errors


def synthesis_checks(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "seed.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        r = subprocess.run([TB, "speak", "-C", os.path.join(ROOT, "content"), "-f", path,
                            "-o", os.path.join(tmp, "seed.wav")], cwd=ROOT,
                           check=True, capture_output=True, text=True)
    m = re.search(r"([\d.]+) s, (\d+) sentences, (\d+) English fallbacks, (\d+) unread", r.stderr)
    return float(m.group(1)), int(m.group(3)), int(m.group(4))


def main():
    ok = True
    report = []
    fields = seed_fields()
    seed_text = "\n".join(fields)
    seed_err = []
    if all(os.path.exists(os.path.join(REF, n)) for n in ("seed-a.ref", "seed-b.ref")):
        seed_ref = read_ref("seed-a.ref") + read_ref("seed-b.ref")
        total, right, seed_err = score("seed", han_readings(pronounce(seed_text)), seed_ref)
        pct = 100.0 * right / total
        ok &= pct >= TARGETS["seed"]
        report.append(f"seed digest:  {right}/{total} syllables right ({pct:.2f}%, target {TARGETS['seed']}%)")
    else:
        ok = False
        report.append("seed digest:  no reference yet (tests/pinyin/seed-a.ref, seed-b.ref)")

    held_ref = read_ref("heldout.ref")
    h_total, h_right, held_err = score("heldout", han_readings(pronounce("\n".join(s for s, _ in held_ref))), held_ref)
    h_pct = 100.0 * h_right / h_total
    ok &= h_pct >= TARGETS["heldout"]
    report.append(f"held-out:     {h_right}/{h_total} syllables right ({h_pct:.2f}%, target {TARGETS['heldout']}%)")

    n_total, n_right, num_err = numbers()
    n_pct = 100.0 * n_right / n_total
    ok &= n_pct >= TARGETS["numbers"]
    report.append(f"numbers:      {n_right}/{n_total} phrases said right ({n_pct:.1f}%, target 100%)")

    seconds, english, unread = synthesis_checks(seed_text)
    dropped = sum(1 for _, s, _ in han_readings(pronounce(seed_text)) if not s)
    ok &= english == 0 and unread == 0 and dropped == 0
    report.append(f"seed audio:   {seconds:.0f} s; English fallbacks on Han text: {english}; "
                  f"characters without a reading: {dropped} (unread by the synthesizer: {unread})")

    print("\n".join(report))
    for title, errs in (("seed", seed_err), ("held-out", held_err)):
        if errs:
            print(f"\nremaining {title} errors (word: character got -> wanted):")
            for (word, c, got, want), n in collections.Counter(errs).most_common():
                print(f"  {word}: {c} {got} -> {want}" + (f"  (x{n})" if n > 1 else ""))
    if num_err:
        print("\nnumbers said wrong:")
        for src, got, want in num_err:
            print(f"  {src}: {got}  (wanted {want})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
