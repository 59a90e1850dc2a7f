#!/usr/bin/env python3
"""coverage.py — how much real shell code reaches rccheck's IR, with zsh's own
parser as the reference.

    tests/parse-coverage/coverage.py [options] [NAME=]PATH...

Each PATH (a file or a directory, walked) is one corpus, labelled NAME or the
path. For every file:

  * zsh parses it without running it (zsh-normalise.zsh: the file becomes the
    body of an autoloaded function, `autoload -Uz +X` + `functions`), and the
    normalised text gives the top-level statements and every export,
    assignment and source zsh sees;
  * `rccheck parse-stats` (or the stand-alone build/tests/zsh/rc-parse-stats)
    lowers it and reports the IR's top-level statements and the same facts;
  * a top-level statement "reaches the IR" when it is matched, in order, by an
    IR statement with the same head (command word, keyword, assigned name or
    function name: a longest-common-subsequence alignment); an
    export/assignment/source "is in the IR" when the IR holds as many of that
    (kind, name) pair as zsh does.

Files zsh cannot parse are counted apart and left out of the percentages.
--before also measures plain tree-sitter-bash (no zsh pre-pass, no ERROR
recovery). Nothing from the files is ever executed.
"""

import argparse
import collections
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# ---------------------------------------------------------------- selection

ZSH_BASENAMES = {
    "zshrc", "zshenv", "zprofile", "zlogin", "zlogout", "zpreztorc", "zimrc",
    "zshrc.local", "zshenv.local", "zprofile.local", "p10k.zsh",
}
SKIP_EXT = {
    "md", "txt", "json", "yml", "yaml", "png", "jpg", "gif", "svg", "py", "rb",
    "vim", "lua", "js", "ts", "toml", "ini", "xml", "html", "css", "zwc", "pl",
    "el", "gitignore", "plist", "lock", "c", "h", "go", "rs", "swift", "ps1",
}


def looks_text(path):
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    return b"\0" not in head


def first_line(path):
    try:
        with open(path, "rb") as f:
            return f.readline(200).decode("utf-8", "replace")
    except OSError:
        return ""


def is_zsh_file(path):
    """zsh by name, by shebang / #compdef, or an extension-less file under a
    `functions` directory (prezto, zsh's own function library)."""
    base = os.path.basename(path)
    bare = base.lstrip(".")
    ext = bare.rsplit(".", 1)[1] if "." in bare else ""
    if ext in SKIP_EXT or not looks_text(path):
        return False
    if bare in ZSH_BASENAMES or ext in ("zsh", "zsh-theme") or bare.endswith("zshrc"):
        return True
    fl = first_line(path)
    if fl.startswith("#!") and "zsh" in fl:
        return True
    if fl.startswith("#compdef") or fl.startswith("#autoload"):
        return True
    return "functions" in os.path.dirname(path).split(os.sep) and not ext


def walk(path, select):
    if os.path.isfile(path):
        return [os.path.abspath(path)]
    out = []
    for d, dirs, files in os.walk(path, followlinks=True):
        dirs[:] = sorted(x for x in dirs if x != ".git")
        for f in sorted(files):
            p = os.path.join(d, f)
            if os.path.islink(p) or not os.path.isfile(p):
                continue
            if select == "all":
                if not p.endswith(".zwc") and looks_text(p):
                    out.append(os.path.abspath(p))
            elif is_zsh_file(p):
                out.append(os.path.abspath(p))
    return out


# ------------------------------------------- a small lexer for shell text
# Good enough for zsh's normalised output (one statement per line, comments
# gone, constructs re-indented) and for the first line of a statement.


def skip_sq(s, i):
    j = s.find("'", i)
    return -1 if j < 0 else j + 1


def skip_dsq(s, i):  # after $'
    n = len(s)
    while i < n:
        if s[i] == "\\":
            i += 2
            continue
        if s[i] == "'":
            return i + 1
        i += 1
    return -1


def skip_bq(s, i):
    n = len(s)
    while i < n:
        if s[i] == "\\":
            i += 2
            continue
        if s[i] == "`":
            return i + 1
        i += 1
    return -1


def skip_dq(s, i):
    n = len(s)
    while i < n:
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == '"':
            return i + 1
        if c == "`":
            i = skip_bq(s, i + 1)
        elif c == "$" and i + 1 < n and s[i + 1] == "(":
            i = skip_paren(s, i + 2)
        elif c == "$" and i + 1 < n and s[i + 1] == "{":
            i = skip_brace(s, i + 2, True)
        else:
            i += 1
            continue
        if i < 0:
            return -1
    return -1


def skip_brace(s, i, in_dq=False):
    n, depth = len(s), 1
    while i < n:
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == "}":
            depth -= 1
            i += 1
            if depth == 0:
                return i
            continue
        if c == "{":
            depth += 1
            i += 1
            continue
        if c == '"':
            i = skip_dq(s, i + 1)
        elif c == "'" and not in_dq:
            i = skip_sq(s, i + 1)
        elif c == "`":
            i = skip_bq(s, i + 1)
        elif c == "$" and i + 1 < n and s[i + 1] == "(":
            i = skip_paren(s, i + 2)
        else:
            i += 1
            continue
        if i < 0:
            return -1
    return -1


def skip_paren(s, i):
    n, depth = len(s), 1
    while i < n:
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == ")":
            depth -= 1
            i += 1
            if depth == 0:
                return i
            continue
        if c == "(":
            depth += 1
            i += 1
            continue
        if c == "#" and (i == 0 or s[i - 1] in " \t\n;"):
            j = s.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "'":
            i = skip_sq(s, i + 1)
        elif c == '"':
            i = skip_dq(s, i + 1)
        elif c == "`":
            i = skip_bq(s, i + 1)
        elif c == "$" and i + 1 < n and s[i + 1] == "'":
            i = skip_dsq(s, i + 2)
        elif c == "$" and i + 1 < n and s[i + 1] == "{":
            i = skip_brace(s, i + 2)
        else:
            i += 1
            continue
        if i < 0:
            return -1
    return -1


OPS = ["&&", "||", ";;", ";&", ";|", "|&", "&|", "&!", "|", ";", "&"]
REDIR = re.compile(r"\d*(?:&>>|&>|>>|>&|<&|>\||>!|<<<|<<-|<<|<>|>|<)")


def skip_one(s, i):
    """One past the character, quoted string or substitution at s[i]; < 0 when it is unterminated."""
    c = s[i]
    if c == "\\":
        return i + 2
    if c == "'":
        return skip_sq(s, i + 1)
    if c == '"':
        return skip_dq(s, i + 1)
    if c == "`":
        return skip_bq(s, i + 1)
    if c == "$" and s.startswith("'", i + 1):
        return skip_dsq(s, i + 2)
    if c == "$" and s.startswith("{", i + 1):
        return skip_brace(s, i + 2)
    if c == "(":
        return skip_paren(s, i + 1)
    return i + 1


def tokens(s):
    """[(kind, text)] with kind "w" (word), "op" or "redir"; an unterminated
    quote makes the rest of the text one word."""
    out, i, n = [], 0, len(s)
    while i < n:
        c = s[i]
        if c in " \t\n":
            i += 1
            continue
        op = next((o for o in OPS if s.startswith(o, i)), None)
        if op:
            out.append(("op", op))
            i += len(op)
            continue
        m = REDIR.match(s, i)
        if m and not (m.group(0) in ("<", ">") and s.startswith("(", m.end())):
            out.append(("redir", m.group(0)))
            i = m.end()
            continue
        j = i
        while j < n and s[j] not in " \t\n;&|":
            c = s[j]
            if c in "<>" and not s.startswith("(", j + 1):
                break
            j = skip_one(s, j)
            if j < 0:
                j = n
        j = min(j, n)
        out.append(("w", s[i:j]))
        i = j
    return out


def is_open(s):
    """True while a quote or substitution is still open at the end of s."""
    toks = tokens(s)
    if not toks or toks[-1][0] != "w":
        return False
    w = toks[-1][1]
    # re-scan the last word to see whether it ended on its own
    i, n = 0, len(w)
    while i < n:
        i = skip_one(w, i)
        if i < 0:
            return True
    return False


HEREDOC = re.compile(r"<<-?\s*(\\?'[^']*'|\"[^\"]*\"|\\?[^\s;&|<>()]+)")


def heredoc_words(s):
    words = []
    toks = tokens(s)
    for k, (kind, t) in enumerate(toks):
        if kind == "redir" and t.lstrip("0123456789") in ("<<", "<<-") and k + 1 < len(toks):
            words.append(re.sub(r"[\"'\\]", "", toks[k + 1][1]))
    return words


def logical_lines(body):
    """zsh's normalised function body → [(indent, text)], joining lines that
    continue a quote or substitution and dropping here-document bodies."""
    lines = body.split("\n")
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        indent = len(line) - len(line.lstrip("\t"))
        text = line
        while is_open(text) and i + 1 < len(lines):
            i += 1
            text += "\n" + lines[i]
        i += 1
        for w in heredoc_words(text):
            while i < len(lines) and lines[i].strip("\t") != w:
                i += 1
            i += 1
        out.append((indent, text.strip(" \t")))
    return out


ASSIGN = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?\+?=")
NAME = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(?:$|=|\+=|\[)")


def unquote(w):
    return re.sub(r"[\"'\\]", "", w)


def norm_key(w):
    if w.startswith("(("):
        return "(("
    if w.startswith("()"):
        return "()"
    if w.startswith("("):
        return "("
    m = ASSIGN.match(w)
    if m:
        return m.group(1) + "="
    w = unquote(w)
    return "for" if w == "foreach" else w




def func_names(text):
    """The names of `names () {` (zsh's way of printing any function
    definition), or None."""
    if not re.search(r"\(\)\s*\{$", text):
        return None
    toks = tokens(re.sub(r"\s*\(\)\s*\{$", "", text))
    if not toks or any(k != "w" for k, _ in toks):
        return None
    names = [t for _, t in toks]
    if names[0] in ("function", "((", "[[", "!", "if", "while") or names[0].startswith("(("):
        return None
    return names


def head_key(text):
    """Key of the statement that starts text (a normalised line, or the
    first line of an IR statement in the original source)."""
    names = func_names(text)
    if names:
        return "fn:" + unquote(names[0])
    toks = [t for k, t in tokens(text) if k == "w"]
    if not toks:
        return "?"
    if toks[0] == "function":
        if len(toks) == 1 or toks[1] in ("{", "()"):
            return "()"
        return "fn:" + unquote(toks[1].split("(")[0])
    return norm_key(toks[0])


CLOSERS = {"then", "else", "elif", "do", "done", "fi", "esac", "}", ")", ";;", "end"}
LEAD_KW = {"if", "elif", "while", "until", "then", "else", "do", "!", "{", "}", "time",
           "always", "coproc"}
SKIP_STMT = {"for", "foreach", "select", "case", "repeat", "[[", "function", "fi",
             "done", "esac", "[", "test"}
LOOK_THROUGH = {"builtin", "command", "noglob", "nocorrect"}


def segments(toks):
    """Split at list/pipe operators; `[[ … ]]` keeps its && and ||."""
    seg, in_test = [], False
    for kind, t in toks:
        if kind == "w" and t == "[[" and not seg:
            in_test = True
        if kind == "w" and t == "]]":
            in_test = False
        if kind == "op" and not in_test:
            if seg:
                yield seg
            seg = []
            continue
        seg.append((kind, t))
    if seg:
        yield seg


def line_facts(text):
    t = text
    if t.startswith("(") and not t.startswith("((") and not t.startswith("()") and t != "(":
        j = skip_paren(t, 1)  # case item: (pattern) first command
        if j > 0:
            t = t[j:]
    facts = []
    for seg in segments(tokens(t)):
        words, skip_next = [], False
        for kind, w in seg:
            if skip_next:
                skip_next = False
                continue
            if kind == "redir":
                skip_next = True
                continue
            words.append(w)
        while words and words[0] in LEAD_KW:
            words.pop(0)
        if not words:
            continue
        w0 = words[0]
        if w0 in SKIP_STMT or w0.startswith("(") or "()" in words:
            continue
        k = 0
        while k < len(words) and ASSIGN.match(words[k]):
            k += 1
        if k == len(words):
            facts += [("assign", ASSIGN.match(w).group(1)) for w in words]
            continue
        if k:
            continue  # X=1 cmd: a temporary environment
        cmd, args = unquote(w0), words[1:]
        while cmd in LOOK_THROUGH and args and not (cmd == "command" and args[0].startswith("-")):
            cmd, args = unquote(args[0]), args[1:]
        if cmd == "export":
            for a in args:
                if a[:1] in "-+":
                    continue
                m = NAME.match(a)
                if m:
                    facts.append(("export", m.group(1)))
        elif cmd in ("source", "."):
            facts.append(("source", unquote(args[0]) if args else ""))
    return facts


def zsh_view(body):
    """Top-level statement keys and facts from a normalised body."""
    top, facts = [], []
    for indent, text in logical_lines(body):
        if not text:
            continue
        first = tokens(text)
        w0 = first[0][1] if first else ""
        if indent == 1 and w0 not in CLOSERS:
            top.append(head_key(text))
        facts += line_facts(text)
    return top, facts


def ir_view(rec):
    top = []
    for kind, fname, head in rec.get("top", []):
        if kind == "func" and fname and not fname.startswith("("):
            top.append("fn:" + unquote(fname))
        else:
            top.append(head_key(head.strip()))
    facts = []
    for kind, what in rec.get("facts", []):
        facts.append((kind, unquote(what) if kind == "source" else what))
    return top, facts


# ---------------------------------------------------------------- running


def run_zsh(files):
    """{path: normalised body or None when zsh cannot parse it}"""
    zsh = shutil.which("zsh")
    if not zsh:
        sys.exit("coverage.py: zsh is needed as the reference parser (apt-get install zsh)")
    res = {}
    with tempfile.TemporaryDirectory(prefix="rc-cov-") as scratch:
        p = subprocess.run([zsh, "-f", os.path.join(HERE, "zsh-normalise.zsh"), scratch],
                           input="\n".join(files) + "\n", capture_output=True, text=True,
                           errors="replace")
    cur, buf = None, []
    for line in p.stdout.split("\n"):
        if line.startswith("\x01BEGIN "):
            cur, buf = line[7:], []
        elif line == "\x01END" and cur is not None:
            body = buf[1:-1] if len(buf) >= 2 else []  # drop "rcf_N () {" and "}"
            res[cur] = "\n".join(body)
            cur = None
        elif line.startswith("\x01FAIL "):
            res[line[6:]] = None
        elif cur is not None:
            buf.append(line)
    return res


def find_rccheck(explicit):
    if explicit:
        return [explicit] if explicit.endswith("rc-parse-stats") else [explicit, "parse-stats"]
    cand = os.path.join(ROOT, "build", "rccheck")
    if os.path.exists(cand):
        p = subprocess.run([cand, "parse-stats"], capture_output=True, text=True)
        if "parse-stats" in p.stderr and "usage: rccheck parse-stats" in p.stderr:
            return [cand, "parse-stats"]
    cand = os.path.join(ROOT, "build", "tests", "zsh", "rc-parse-stats")
    if os.path.exists(cand):
        return [cand]
    sys.exit("coverage.py: build first (./dev build): no parse-stats in build/")


def run_stats(cmd, files, extra, dialect):
    p = subprocess.run(cmd + ["--" + dialect] + extra + ["-"], input="\n".join(files) + "\n",
                       capture_output=True, text=True, errors="replace")
    out = {}
    for line in p.stdout.splitlines():
        rec = json.loads(line)
        out[rec["file"]] = rec
    return out


def matched(a, b):
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(m.size for m in sm.get_matching_blocks())


def compare(ztop, zfacts, rec):
    itop, ifacts = ir_view(rec)
    m = matched(ztop, itop)
    zc, ic = collections.Counter(zfacts), collections.Counter(ifacts)
    missing = [(k, zc[k] - ic.get(k, 0)) for k in zc if zc[k] > ic.get(k, 0)]
    nmiss = sum(c for _, c in missing)
    sm = difflib.SequenceMatcher(None, ztop, itop, autojunk=False)
    lost = []
    for tag, i1, i2, _, _ in sm.get_opcodes():
        if tag in ("delete", "replace"):
            lost += ztop[i1:i2]
    return {"top": len(ztop), "reached": m, "facts": len(zfacts), "facts_missing": nmiss,
            "missing_facts": missing, "lost_heads": lost, "errors": rec.get("errors", 0),
            "to_eof": rec.get("to_eof", False), "ts_total": rec.get("top_total", 0),
            "ts_lost": rec.get("top_lost", 0), "bytes": rec.get("bytes", 0)}


def pct(a, b):
    return 100.0 * a / b if b else 100.0


def summarise(rows):
    s = collections.Counter()
    for r in rows:
        s["files"] += 1
        s["top"] += r["top"]
        s["reached"] += r["reached"]
        s["facts"] += r["facts"]
        s["facts_missing"] += r["facts_missing"]
        s["damaged"] += r["errors"] > 0
        s["to_eof"] += bool(r["to_eof"])
        s["ts_total"] += r["ts_total"]
        s["ts_lost"] += r["ts_lost"]
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", help="[NAME=]PATH: one corpus per argument")
    ap.add_argument("--rccheck", help="rccheck binary (or build/tests/zsh/rc-parse-stats)")
    ap.add_argument("--select", choices=["auto", "all"], default="auto",
                    help="auto: zsh files by name/shebang/#compdef; all: every text file")
    ap.add_argument("--dialect", choices=["zsh", "bash"], default="zsh")
    ap.add_argument("--before", action="store_true",
                    help="also measure without the zsh pre-pass and ERROR recovery")
    ap.add_argument("--stages", action="store_true",
                    help="--before, plus the pre-pass without ERROR recovery")
    ap.add_argument("--per-file", action="store_true", help="a line per file")
    ap.add_argument("--missing", action="store_true",
                    help="per file: the statement heads and facts that did not reach the IR")
    ap.add_argument("--json", help="write per-file results here")
    args = ap.parse_args()

    cmd = find_rccheck(args.rccheck)
    modes = [("after", [])]
    if args.stages:
        modes.insert(0, ("prepass", ["--no-recover"]))
    if args.before or args.stages:
        modes.insert(0, ("before", ["--no-prepass", "--no-recover"]))
    results, table = {}, []
    for spec in args.paths:
        name, path = (spec.split("=", 1) if "=" in spec.split("/", 1)[0] else (spec, spec))
        files = walk(path, args.select)
        zv = run_zsh(files)
        ok = [f for f in files if zv.get(f) is not None]
        views = {f: zsh_view(zv[f]) for f in ok}
        row = {"corpus": name, "files": len(files), "zsh_failed": len(files) - len(ok)}
        for mode, extra in modes:
            stats = run_stats(cmd, ok, extra, args.dialect)
            rows = []
            for f in ok:
                if f not in stats or "error" in stats[f]:
                    continue
                r = compare(views[f][0], views[f][1], stats[f])
                r["file"] = f
                rows.append(r)
                results.setdefault(name, {}).setdefault(mode, []).append(r)
            row[mode] = summarise(rows)
            if args.per_file or args.missing:
                for r in rows:
                    if args.missing and r["reached"] == r["top"] and not r["facts_missing"]:
                        continue
                    print(f"{mode:7} {r['file']}: top {r['reached']}/{r['top']} "
                          f"({pct(r['reached'], r['top']):.1f}%) facts missing "
                          f"{r['facts_missing']}/{r['facts']} errors {r['errors']}"
                          f"{' to-eof' if r['to_eof'] else ''}")
                    if args.missing:
                        if r["lost_heads"]:
                            print("         lost:", " ".join(r["lost_heads"][:20]))
                        if r["missing_facts"]:
                            print("         facts:", " ".join(f"{k}:{v}" + (f"x{c}" if c > 1 else "")
                                                          for (k, v), c in r["missing_facts"][:20]))
        table.append(row)

    print()
    hdr = (f"{'corpus':24} {'files':>6} {'zsh-err':>7} {'mode':7} {'damaged':>8} {'to-eof':>7} "
           f"{'top-level':>9} {'reach IR':>9} {'%':>7} {'facts':>6} {'in IR':>6} {'%':>7}")
    print(hdr)
    print("-" * len(hdr))
    for row in table:
        for mode, _ in modes:
            s = row[mode]
            print(f"{row['corpus'][:24]:24} {row['files']:6} {row['zsh_failed']:7} {mode:7} "
                  f"{pct(s['damaged'], s['files']):7.1f}% {pct(s['to_eof'], s['files']):6.1f}% "
                  f"{s['top']:9} {s['reached']:9} {pct(s['reached'], s['top']):6.2f}% "
                  f"{s['facts']:6} {s['facts'] - s['facts_missing']:6} "
                  f"{pct(s['facts'] - s['facts_missing'], s['facts']):6.2f}%")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"table": table, "files": results}, f, indent=1, default=list)


if __name__ == "__main__":
    main()
