#!/usr/bin/python3
"""bench.py — how fast tingbao builds, and at what cost (run by `make bench`).

On the seed edition, in one go:
1. the full build from scratch,
2. an incremental build after one edit to one speech,
3. the baseline a user would otherwise script for the same episodes: the
   espeak-ng command line (same voice, reading the characters itself) to
   WAV, then oggenc at the same quality, one file per speech and one for
   the whole text, one after the other,
4. the full build of a digest ten times longer, to show that peak memory
   does not grow with the number of speeches.
Prints wall time, CPU seconds, peak RSS (the largest process) and the
real-time factor, with the targets of the issue.
"""
import glob
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TB = os.path.join(ROOT, "tingbao")
SEED = os.path.join(ROOT, "content", "yiwu-cppcc-14-1")


def measure(cmd, cwd=None):
    """Runs cmd in a fresh Python so that its children's usage is its own."""
    code = ("import json, resource, subprocess, sys, time\n"
            "t = time.monotonic()\n"
            "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
            "wall = time.monotonic() - t\n"
            "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
            "print(json.dumps({'rc': r.returncode, 'wall': wall, 'cpu': u.ru_utime + u.ru_stime,"
            " 'rss_mb': u.ru_maxrss / 1024, 'err': r.stderr.decode()[-500:]}))\n")
    out = subprocess.run([sys.executable, "-c", code] + cmd, cwd=cwd, capture_output=True, text=True,
                         check=True).stdout
    m = json.loads(out)
    if m["rc"] != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed: {m['err']}")
    return m


def tree(tmp, name, digest_text=None):
    content = os.path.join(tmp, name, "content")
    podcast = os.path.join(tmp, name, "podcast")
    os.makedirs(podcast)
    shutil.copytree(SEED, os.path.join(content, "yiwu-cppcc-14-1"))
    shutil.copy(os.path.join(ROOT, "podcast", "channel.conf"), podcast)
    if digest_text is not None:
        with open(os.path.join(content, "yiwu-cppcc-14-1", "digest.txt"), "w", encoding="utf-8") as f:
            f.write(digest_text)
    return content, podcast, os.path.join(tmp, name, "cache")


def build_cmd(content, podcast, cache):
    return [TB, "build", "-C", content, "-o", podcast, "--cache", cache]


def audio_seconds(podcast):
    full = glob.glob(os.path.join(podcast, "yiwu-cppcc-14-1", "*-full-*.ogg"))[0]
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                          full], capture_output=True, text=True, check=True).stdout
    return float(out)


def ten_times(text):
    lines = text.rstrip("\n").split("\n")
    credit = lines[-1]
    body = lines[:-1]
    heading = [i for i, l in enumerate(body) if l.startswith("——")]
    plain = [l for i, l in enumerate(body) if i not in heading and i + 1 not in heading]
    return "\n".join(body + plain * 9 + [credit]) + "\n"


def baseline_script(tmp, split_json):
    d = json.loads(split_json)
    texts = []
    for s in d["speeches"]:
        texts.append(s["title"] + "。" + s["attribution"] + "。\n" + "\n".join(s["paragraphs"]))
    texts.append("\n".join(texts))
    lines = ["set -e"]
    for i, t in enumerate(texts):
        path = os.path.join(tmp, f"baseline-{i:02d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(t)
        wav = path[:-4] + ".wav"
        lines.append(f"espeak-ng -v cmn-latn-pinyin -s 165 -f {path} -w {wav}")
        lines.append(f"oggenc -Q -q 4 {wav} -o {wav[:-4]}.ogg")
    script = os.path.join(tmp, "baseline.sh")
    with open(script, "w") as f:
        f.write("\n".join(lines) + "\n")
    return script


def main():
    jobs = os.cpu_count()
    with tempfile.TemporaryDirectory(prefix="tingbao-bench-") as tmp:
        c, p, k = tree(tmp, "seed")
        full = measure(build_cmd(c, p, k))
        seconds = audio_seconds(p)
        digest = os.path.join(c, "yiwu-cppcc-14-1", "digest.txt")
        text = open(digest, encoding="utf-8").read()
        edited = text.replace("足等问题。", "足等问题，亟待解决。", 1)
        assert edited != text
        with open(digest, "w", encoding="utf-8") as f:
            f.write(edited)
        incr = measure(build_cmd(c, p, k))
        split = subprocess.run([TB, "split", "--json", SEED], capture_output=True, text=True, check=True).stdout
        base = measure(["bash", baseline_script(tmp, split)])
        c10, p10, k10 = tree(tmp, "ten", ten_times(open(os.path.join(SEED, "digest.txt"), encoding="utf-8").read()))
        big = measure(build_cmd(c10, p10, k10))
        big_seconds = audio_seconds(p10)

    def row(name, m, extra=""):
        print(f"{name:<34} {m['wall']:7.2f} s wall {m['cpu']:7.2f} s CPU {m['rss_mb']:7.1f} MB peak RSS {extra}")

    print(f"tingbao bench: seed edition, {seconds / 60:.1f} min of audio, {jobs} processors")
    row("full build", full, f"real-time factor {seconds / full['wall']:.0f}x")
    row("incremental build (one edit)", incr)
    row("baseline: espeak-ng CLI + oggenc", base)
    row("full build, digest 10x longer", big, f"({big_seconds / 60:.0f} min of audio)")
    print()
    print(f"full / baseline        {full['wall'] / base['wall']:.2f}  (target <= 0.50)")
    print(f"incremental / full     {incr['wall'] / full['wall']:.2f}  (target <= 0.15)")
    print(f"peak RSS               {full['rss_mb']:.1f} MB  (target <= 64 MB); 10x longer digest: "
          f"{big['rss_mb']:.1f} MB")


if __name__ == "__main__":
    main()
