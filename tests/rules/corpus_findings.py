#!/usr/bin/env python3
"""Lint corpus homes and compare with the findings their expect.json lists.

usage: corpus_findings.py RCCHECK [--corpus DIR] [--home NAME ...]
       corpus_findings.py RCCHECK --clean NAME[@macos] ...

Every corpus/<home>/expect.json may hold
  "findings":       [{"file": "~/.zshrc", "line": 3, "rule": "NAME or ID"}, ...]
  "findings_macos": [...]   (the same home linted with --os macos)
A home with such a list is linted with the default rules (no configuration,
every context of the shells it has files for) and the findings must be
exactly the listed ones: one missing or one more fails. Homes without the
key are skipped.

With --write, the lists of the homes that have one (or of the --home names)
are rewritten from what rccheck reports now: read the diff before committing.

With --clean, the homes named must produce no finding of `warning` or above
(stock homes: what an installer or the OS writes must lint clean).

How a home is linted, close to the oracle's set-up (tests/oracle/README.md):
- a fresh copy of home/, owned by uid 4242 when run as root (Debian's
  /etc/profile and rccheck's default PATH depend on whether the user is root);
- Linux: a sysroot that is the real / with the home's root/ laid over it and
  /etc/profile.d holding only the home's own files (this machine's
  /etc/profile.d is not Debian's);
- macOS: a sysroot holding only the home's root/, so rccheck uses its stock
  macOS stand-ins.
The last line is "N passed, N failed" (homes). Exit 0/1, 2 on setup errors.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
UID = 4242
SEVERITY = {"style": 0, "info": 1, "warning": 2, "error": 3}


def merge_tree(real, overlay, target):
    """target/ = real/ (symlinks) with overlay/ laid over it."""
    os.makedirs(target, exist_ok=True)
    names = set()
    if os.path.isdir(real):
        names |= set(os.listdir(real))
    if overlay and os.path.isdir(overlay):
        names |= set(os.listdir(overlay))
    for n in sorted(names):
        r, t = os.path.join(real, n), os.path.join(target, n)
        o = os.path.join(overlay, n) if overlay else None
        if r == "/etc/profile.d":
            # only the home's own profile.d (empty without one)
            if o and os.path.isdir(o):
                shutil.copytree(o, t, symlinks=True)
            else:
                os.makedirs(t)
        elif o and os.path.lexists(o):
            if os.path.isdir(o) and not os.path.islink(o) and os.path.isdir(r):
                merge_tree(r, o, t)
            elif os.path.isdir(o) and not os.path.islink(o):
                shutil.copytree(o, t, symlinks=True)
            else:
                shutil.copy2(o, t, follow_symlinks=False)
        else:
            os.symlink(r, t)


def make_sysroot(tmp, corpus_home, macos):
    root = os.path.join(corpus_home, "root")
    overlay = root if os.path.isdir(root) else None
    sysroot = os.path.join(tmp, "sysroot")
    if macos:
        if overlay:
            shutil.copytree(overlay, sysroot, symlinks=True)
        else:
            os.makedirs(sysroot)
        return sysroot
    os.makedirs(sysroot)
    for n in sorted(os.listdir("/")):
        o = os.path.join(overlay, n) if overlay else None
        t = os.path.join(sysroot, n)
        if n == "etc" or (o and os.path.isdir(o)):
            merge_tree("/" + n, o, t)
        else:
            os.symlink("/" + n, t)
    return sysroot


def copy_home(tmp, corpus_home):
    home = os.path.join(tmp, "home")
    shutil.copytree(os.path.join(corpus_home, "home"), home, symlinks=True)
    if os.geteuid() == 0:
        for d, dirs, files in os.walk(home):
            for n in [d] + [os.path.join(d, x) for x in dirs + files]:
                os.lchown(n, UID, UID)
    return home


def lint(rccheck, corpus_home, macos):
    with tempfile.TemporaryDirectory(prefix="rccheck-findings-") as tmp:
        home = copy_home(tmp, corpus_home)
        sysroot = make_sysroot(tmp, corpus_home, macos)
        cmd = [rccheck, "lint", "--home", home, "--sysroot", sysroot, "--no-config",
               "--format", "json", "--severity", "style", "--color", "never",
               "--os", "macos" if macos else "linux"]
        p = subprocess.run(cmd, capture_output=True, text=True, cwd="/")
        if p.returncode not in (0, 1):
            raise RuntimeError("%s exited %d:\n%s%s" % (" ".join(cmd), p.returncode,
                                                        p.stdout, p.stderr))
        doc = json.loads(p.stdout)
        if doc.get("errors"):
            raise RuntimeError("rccheck errors: %s" % doc["errors"])
        return doc["diagnostics"]


def show(d):
    return "%s:%s %s (%s) [%s]: %s" % (d["file"], d["line"], d["name"], d["code"],
                                      ", ".join(d.get("contexts", [])), d["message"])


def check_exact(rccheck, name, corpus_home, want, macos):
    """Returns a list of problems."""
    got = lint(rccheck, corpus_home, macos)
    left = list(got)
    problems = []
    for i, w in enumerate(want):
        if not isinstance(w, dict) or not all(k in w for k in ("file", "line", "rule")):
            problems.append("findings[%d] needs file, line and rule: %r" % (i, w))
            continue
        hit = None
        for d in left:
            if (d["file"] == w["file"] and d["line"] == w["line"]
                    and w["rule"] in (d["name"], d["code"])):
                hit = d
                break
        if hit:
            left.remove(hit)
        else:
            problems.append("expected %s:%s %s, not reported" % (w["file"], w["line"], w["rule"]))
    for d in left:
        problems.append("unexpected %s" % show(d))
    if problems:
        problems.append("all findings (%s):" % ("macos" if macos else "linux"))
        problems += ["  " + show(d) for d in got] or ["  (none)"]
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("rccheck")
    ap.add_argument("--corpus", default=os.path.join(REPO, "corpus"))
    ap.add_argument("--home", action="append", default=[], help="only these homes")
    ap.add_argument("--write", action="store_true",
                    help="rewrite the findings lists from the current output")
    ap.add_argument("--clean", action="append", default=[], metavar="NAME[@macos]",
                    help="assert no finding of warning or above")
    a = ap.parse_args()
    rccheck = os.path.abspath(a.rccheck)
    passed = failed = 0
    try:
        if a.clean:
            for spec in a.clean:
                name, _, os_name = spec.partition("@")
                got = lint(rccheck, os.path.join(a.corpus, name), os_name == "macos")
                bad = [d for d in got if SEVERITY.get(d["severity"], 3) >= SEVERITY["warning"]]
                if bad:
                    failed += 1
                    print("FAIL %s: stock home has findings of warning or above:" % spec)
                    for d in bad:
                        print("  " + show(d))
                else:
                    passed += 1
                    print("ok   %s (%d findings below warning)" % (spec, len(got)))
        else:
            names = a.home or sorted(os.listdir(a.corpus))
            for name in names:
                ch = os.path.join(a.corpus, name)
                ej = os.path.join(ch, "expect.json")
                if not os.path.isfile(ej):
                    continue
                with open(ej, encoding="utf-8") as f:
                    expect = json.load(f)
                for key, macos in (("findings", False), ("findings_macos", True)):
                    if key not in expect and not (a.write and a.home and not macos):
                        continue
                    if a.write:
                        got = lint(rccheck, ch, macos)
                        expect[key] = [{"file": d["file"], "line": d["line"], "rule": d["name"]} for d in got]
                        sys.path.insert(0, os.path.join(REPO, "tests", "oracle"))
                        import oraclelib
                        with open(ej, "w", encoding="utf-8") as f:
                            f.write(oraclelib.format_expect(expect))
                        print("wrote %s %s (%d findings)" % (name, key, len(got)))
                        continue
                    problems = check_exact(rccheck, name, ch, expect[key], macos)
                    label = name + (" (macos)" if macos else "")
                    if problems:
                        failed += 1
                        print("FAIL %s:" % label)
                        for p in problems:
                            print("  " + p)
                    else:
                        passed += 1
                        print("ok   %s (%d findings)" % (label, len(expect[key])))
    except (OSError, RuntimeError, ValueError) as e:
        print("corpus_findings: %s" % e, file=sys.stderr)
        return 2
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
