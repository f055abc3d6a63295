#!/usr/bin/python3
"""make_lexicon.py — builds tingbao's Mandarin lexicon from Debian's data.

Run at build time (see the Makefile); writes one "word<TAB>freq<TAB>pinyin"
line per simplified word, sorted by word, pinyin as toned syllables (ü as v,
5 for the neutral tone).

Why four sources, each for what it is good at:
- rime-data-terra-pinyin: ~300k words WITH tones (from CC-CEDICT), but in
  traditional characters, sometimes with Taiwan readings (企 qi4, 质 zhi2),
  and often several readings per word with equal weights (行業 hang2/xing2).
- unicode-data (Unihan): traditional -> simplified (kSimplifiedVariant); the
  mainland readings of each character (kXHC1983, 现代汉语词典), which drop the
  Taiwan-only readings; the mainland default reading (kMandarin).
- pinyin-database (ibus-pinyin's open-phrase, simplified, mainland): which
  syllables a word has, without tones (行业 hang ye, 便宜 pian yi).  Used to
  choose among terra's readings.
- python3-jieba: word frequencies of modern simplified text, for segmenting.
No reading is typed by hand here; hand corrections live in
src/lexicon/mainland.tsv and staff's in content/pronunciations.txt.
"""
import bz2
import collections
import math
import os
import sqlite3
import sys
import unicodedata

TERRA = "/usr/share/rime-data/build/terra_pinyin.table.txt"
UNIHAN_READINGS = "/usr/share/unicode/Unihan_Readings.txt.bz2"
UNIHAN_VARIANTS = "/usr/share/unicode/Unihan_Variants.txt.bz2"
OPEN_PHRASE = "/usr/share/pinyin-database/main.db"
JIEBA = "/usr/lib/python3/dist-packages/jieba/dict.txt"
CORRECTIONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mainland.tsv")
REVISED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "revised.tsv")

TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


def marked_to_numbered(s):
    """qǐ -> qi3, lǜ -> lv4, de -> de5."""
    tone = 5
    out = []
    for ch in unicodedata.normalize("NFD", s):
        if ch in TONE_MARKS:
            tone = TONE_MARKS[ch]
        elif ch == "\u0308":
            out[-1] = "v"
        else:
            out.append(ch)
    return "".join(out).replace("uv", "v") + str(tone) if out else None


def is_han(ch):
    c = ord(ch)
    return (0x4E00 <= c <= 0x9FFF or 0x3400 <= c <= 0x4DBF or 0xF900 <= c <= 0xFAFF
            or 0x20000 <= c <= 0x323AF or ch in "〇々")


def read_unihan():
    simp, xhc, mandarin = {}, collections.defaultdict(set), {}
    pinlu = collections.defaultdict(dict)
    other = collections.defaultdict(list)
    with bz2.open(UNIHAN_VARIANTS, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("U+"):
                continue
            cp, key, val = line.rstrip("\n").split("\t")
            ch = chr(int(cp[2:], 16))
            targets = [chr(int(v.split("<")[0][2:], 16)) for v in val.split()]
            if key == "kSimplifiedVariant":
                simp[ch] = targets[0]
            elif key in ("kZVariant", "kSemanticVariant"):
                other[ch].extend(targets)
    # A variant form without a simplified mapping of its own (爲 beside 為)
    # simplifies like the form it is a variant of.
    for ch, targets in other.items():
        if ch not in simp:
            for t in targets:
                if t in simp:
                    simp[ch] = simp[t]
                    break
    with bz2.open(UNIHAN_READINGS, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("U+"):
                continue
            cp, key, val = line.rstrip("\n").split("\t")
            ch = chr(int(cp[2:], 16))
            if key == "kXHC1983":
                for item in val.split():
                    r = marked_to_numbered(item.split(":")[1])
                    if r:
                        xhc[ch].add(r)
            elif key == "kMandarin":
                mandarin[ch] = marked_to_numbered(val.split()[0])
            elif key == "kHanyuPinlu":
                for item in val.split():
                    reading, count = item.rstrip(")").split("(")
                    pinlu[ch][marked_to_numbered(reading)] = int(count)
    return simp, xhc, mandarin, pinlu


def read_revised():
    """(character, old reading) -> new reading: the readings the 1985
    审音表 changed (成绩 chéngjī -> chéngjì), which the 1983 dictionary
    data (kXHC1983, kHanyuPinlu) still has.  src/lexicon/revised.tsv."""
    revised = {}
    with open(REVISED, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip() and not line.startswith("#"):
                ch, old, new = line.split("\t")[:3]
                revised[(ch, old)] = new.strip()
    return revised


def restore_tone(ch, syl, pinlu):
    """A neutral tone that mainland usage never gives this character (去年
    nian5: 年 is only ever nián in kHanyuPinlu) is restored to the full
    tone of the same spelling."""
    counts = pinlu.get(ch)
    if not syl.endswith("5") or not counts or syl in counts:
        return syl
    same = [r for r in counts if r[:-1] == syl[:-1]]
    return max(same, key=counts.get) if same else syl


def toneless(syls):
    return tuple(s.rstrip("12345") for s in syls)


def mainland_syllable(ch, syl, xhc):
    """The mainland form of terra's reading `syl` of `ch`, or None if the
    mainland has no such reading.  A reading whose spelling XHC knows with
    another tone is a Taiwan tone (企 qi4 -> qi3); the neutral tone is kept
    where XHC has the spelling (东西 xi5)."""
    readings = xhc.get(ch)
    if not readings or syl in readings:
        return syl
    base = syl.rstrip("12345")
    if syl.endswith("5") and any(r.rstrip("12345") == base for r in readings):
        return syl
    if ch in "一不":      # the 一/不 tone changes are applied at run time
        return syl
    same = sorted(r for r in readings if r.rstrip("12345") == base)
    return same[0] if len(same) == 1 else None


def read_open_phrase():
    """phrase -> set of toneless syllable tuples, and phrase -> freq.  The
    database stores syllables as (initial id, final id); the ids are learnt
    from the phrases whose terra reading is unambiguous, not assumed."""
    db = sqlite3.connect(f"file:{OPEN_PHRASE}?mode=ro", uri=True)
    rows = []
    for n in range(16):
        cols = ",".join(f"s{i},y{i}" for i in range(n + 1))
        for r in db.execute(f"SELECT phrase, freq, {cols} FROM py_phrase_{n}"):
            ids = tuple((r[2 + 2 * i], r[3 + 2 * i]) for i in range(n + 1))
            rows.append((r[0], r[1], ids))
    db.close()
    return rows


def main(out_path):
    simp, xhc, mandarin, pinlu = read_unihan()
    revised = read_revised()

    # terra: simplified word -> {reading tuple: weight}, in file order.
    terra = collections.defaultdict(dict)
    with open(TERRA, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or line.startswith("#"):
                continue
            word = parts[0]
            syls = parts[1].split()
            if len(syls) != len(word) or not all(is_han(c) for c in word):
                continue
            weight = float(parts[2]) if len(parts) > 2 else 0.0
            s_word = "".join(simp.get(c, c) for c in word)
            s_syls = []
            for c, s in zip(s_word, syls):
                m = mainland_syllable(c, s, xhc)
                if m is None:
                    break
                m = revised.get((c, m), m)
                s_syls.append(restore_tone(c, m, pinlu))
            else:
                key = tuple(s_syls)
                d = terra[s_word]
                d[key] = max(d.get(key, 0.0), weight)

    # open-phrase: learn (initial id, final id) -> spelling from phrases with
    # a single terra reading, then collect each phrase's syllables.
    rows = read_open_phrase()
    votes = collections.defaultdict(collections.Counter)
    for phrase, _, ids in rows:
        readings = terra.get(phrase)
        if readings and len(readings) == 1 and len(ids) == len(phrase):
            for sy, syl in zip(ids, toneless(next(iter(readings)))):
                votes[sy][syl] += 1
    spelling = {sy: c.most_common(1)[0][0] for sy, c in votes.items()}
    op_syllables = collections.defaultdict(set)
    op_freq = {}
    for phrase, freq, ids in rows:
        if len(ids) == len(phrase) and all(sy in spelling for sy in ids):
            op_syllables[phrase].add(tuple(spelling[sy] for sy in ids))
        op_freq[phrase] = max(op_freq.get(phrase, 0), freq)

    jieba = {}
    with open(JIEBA, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and all(is_han(c) for c in parts[0]):
                jieba[parts[0]] = int(parts[1])

    def choose(word, readings):
        """Terra often lists a word's Taiwan and mainland readings with the
        same weight (市場 shi4 chang2 / chang3), Taiwan's first.  The
        mainland's own statistics decide: first the syllables open-phrase
        gives the word, then how often each character's reading occurs in
        mainland text (kHanyuPinlu: 场 chǎng 773, cháng 141)."""
        order = list(readings)
        confirmed = op_syllables.get(word, set())

        def rank(item):
            i, r = item
            return (toneless(r) in confirmed,
                    sum(math.log1p(pinlu[c].get(syl, 0)) for c, syl in zip(word, r)),
                    readings[r],
                    -i)
        return max(enumerate(order), key=rank)[1]

    lexicon = {}
    for word, readings in terra.items():
        if len(word) == 1:
            continue
        freq = jieba.get(word)
        if freq is None:
            # Not in modern text statistics: a phrase terra lists (种植面积)
            # must not beat the words it is made of (种植 面积), so it only
            # wins where nothing else covers the text.
            freq = 0.01 if word not in op_freq else 0.05
        lexicon[word] = (freq, choose(word, readings))

    # Single characters: the mainland default reading (kMandarin), which
    # also covers characters terra lacks.
    for ch, r in mandarin.items():
        if r and is_han(ch):
            freq = jieba.get(ch, 1)
            lexicon[ch] = (freq, (revised.get((ch, r), r),))
    # Characters Unihan gives no reading for (〇 among them): terra's likeliest.
    for ch, readings in terra.items():
        if len(ch) == 1 and ch not in lexicon:
            lexicon[ch] = (jieba.get(ch, 1), max(readings, key=readings.get))

    # Hand-checked mainland readings where the data above is wrong
    # (src/lexicon/mainland.tsv: word, TAB, pinyin, with the reason).
    with open(CORRECTIONS, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            word, syls = line.rstrip("\n").split("\t")[:2]
            syls = tuple(syls.split())
            if len(syls) != len(word):
                sys.exit(f"{CORRECTIONS}:{n}: {len(word)} characters, {len(syls)} syllables")
            freq = lexicon[word][0] if word in lexicon else jieba.get(word, 100)
            lexicon[word] = (freq, syls)

    with open(out_path + ".tmp", "w", encoding="utf-8") as out:
        out.write("# tingbao lexicon, generated by src/lexicon/make_lexicon.py; do not edit\n")
        for word in sorted(lexicon):
            freq, syls = lexicon[word]
            out.write(f"{word}\t{freq}\t{' '.join(syls)}\n")
    os.replace(out_path + ".tmp", out_path)
    print(f"make_lexicon: {len(lexicon)} entries, "
          f"{len(spelling)} open-phrase syllables learnt", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
