"""Shared definitions for the rccheck oracle harness (run-shells, compare).

Nothing here runs a shell; it only names the contexts, the tracked variables
and the JSON shapes, so that run-shells and compare cannot drift apart.
"""

import json
import os
import re

FORMAT_VERSION = 1

SHELLS = {
    # name: (path passed to exec, argv[0], $SHELL)
    "zsh": ("/usr/bin/zsh", "zsh", "/usr/bin/zsh"),
    "bash": ("/bin/bash", "bash", "/bin/bash"),
}

# Context name -> (flags before the command, reads the dump from stdin?, extra env).
# "-c contexts" get the dump as the -c argument and stdin /dev/null; the two
# interactive contexts get no -c, and the dump arrives on stdin (a regular
# file, not a tty) exactly as a typed command would, after every startup file
# and after the first precmd hooks.
CONTEXTS = {
    "login-interactive": (["-l", "-i"], True, {}),
    "interactive": (["-i"], True, {}),
    "login": (["-l", "-c"], False, {}),
    "script": (["-c"], False, {}),
    "vscode": (["-i", "-l", "-c"], False, {"VSCODE_RESOLVING_ENVIRONMENT": "1"}),
    "ssh-command": (["-c"], False, {"SSH_CLIENT": "10.0.0.1 50000 22"}),
}
CONTEXT_ORDER = list(CONTEXTS)

BASE_ENV = {
    "USER": "rcuser",
    "LOGNAME": "rcuser",
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "TERM": "dumb",
}

# Always tracked, whether or not a file assigns them.
FIXED_NAMES = ["GOROOT", "GOPATH", "GOBIN", "GO111MODULE", "GOFLAGS",
               "GOTOOLCHAIN", "PATH", "ZDOTDIR"]
# Also tracked (inherited or shell-managed), but not written to expect.json
# unless a home file assigns them.
EXTRA_NAMES = ["HOME", "USER", "LOGNAME", "SHELL", "TERM", "HISTFILE"]
# Never tracked: change on every command.
VOLATILE = {"_", "RANDOM", "SRANDOM", "SECONDS", "EPOCHSECONDS",
            "EPOCHREALTIME", "LINENO", "BASHPID", "BASH_COMMAND",
            "BASH_LINENO", "BASH_SOURCE", "FUNCNAME", "PIPESTATUS",
            "funcstack", "funcfiletrace", "funcsourcetrace", "functrace",
            "pipestatus", "status", "argv", "ARGC", "HISTCMD"}

# System startup files scanned for assigned names (whatever exists).
SYSTEM_FILES = ["/etc/zsh/zshenv", "/etc/zsh/zprofile", "/etc/zsh/zshrc",
                "/etc/zsh/zlogin", "/etc/zsh/zlogout", "/etc/profile",
                "/etc/bash.bashrc", "/etc/bash.bash_logout"]
SYSTEM_DIRS = ["/etc/profile.d"]

HOME_TOKEN = "$HOME"
OUT_TOKEN = "$OUT"

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_ASSIGN_RE = re.compile(r"(?:^|[\s;&|({`!])(" + _NAME + r")(?:\[[^\]\s]*\])?\+?=")
_DECL_RE = re.compile(
    r"(?:^|[\s;&|({`])(?:export|typeset|declare|local|readonly|integer|float"
    r"|unset|read|private)\b([^;&|#\n]*)")
_PARAM_RE = re.compile(r"\$\{(" + _NAME + r"):?=")
_FOR_RE = re.compile(r"\bfor\s+(" + _NAME + r")\b")
_ALIAS_RE = re.compile(r"\balias(?:\s+-\w+)*\s+$")
_WORD_RE = re.compile(r"^(" + _NAME + r")(?:=|\+=|$)")


def assigned_names(text):
    """Names a shell file may assign, found by regular expressions.

    Over-approximates on purpose (an alias name, an option word): a tracked
    name that is never set only costs one unset entry in the output.
    """
    names = set()
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            continue
        for m in _ASSIGN_RE.finditer(line):
            if _ALIAS_RE.search(line[:m.start(1)]):
                continue  # alias ll='ls -l' defines no variable
            names.add(m.group(1))
        for m in _PARAM_RE.finditer(line):
            names.add(m.group(1))
        for m in _FOR_RE.finditer(line):
            names.add(m.group(1))
        for m in _DECL_RE.finditer(line):
            for word in m.group(1).split():
                if word.startswith(("-", "+")):
                    continue
                w = _WORD_RE.match(word)
                if w:
                    names.add(w.group(1))
    return names - VOLATILE


def normalize(text, home):
    """Replace the temporary HOME path by the literal $HOME."""
    if text is None:
        return None
    return text.replace(home, HOME_TOKEN)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def dump_json(obj, path=None):
    text = json.dumps(obj, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    if path is None or path == "-":
        import sys
        sys.stdout.write(text)
    else:
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)


def format_expect(doc):
    """expect.json text laid out for reading and diffing: one line per file
    list, per variable and per unknown entry."""
    def one(x):
        return json.dumps(x, ensure_ascii=False)

    out = ["{", '  "home": %s,' % one(doc["home"])]
    if "notes" in doc:
        out.append('  "notes": %s,' % one(doc["notes"]))
    out.append('  "runs": {')
    shells = list(doc["runs"].items())
    for si, (shell, ctxs) in enumerate(shells):
        out.append("    %s: {" % one(shell))
        items = list(ctxs.items())
        for ci, (ctx, r) in enumerate(items):
            out.append("      %s: {" % one(ctx))
            out.append('        "files": %s,' % one(r["files"]))
            out.append('        "exit_files": %s,' % one(r["exit_files"]))
            vs = list(r["vars"].items())
            if not vs:
                out.append('        "vars": {}')
            else:
                out.append('        "vars": {')
                for vi, (k, v) in enumerate(vs):
                    out.append("          %s: %s%s" % (one(k), one(v),
                                                     "," if vi < len(vs) - 1 else ""))
                out.append("        }")
            out.append("      }%s" % ("," if ci < len(items) - 1 else ""))
        out.append("    }%s" % ("," if si < len(shells) - 1 else ""))
    out.append("  },")
    unk = doc.get("unknown", [])
    if not unk:
        out.append('  "unknown": []')
    else:
        out.append('  "unknown": [')
        for i, u in enumerate(unk):
            out.append("    %s%s" % (one(u), "," if i < len(unk) - 1 else ""))
        out.append("  ]")
    # expected lint findings (tests/rules/corpus_findings.py), one per line
    for key in ("findings", "findings_macos"):
        if key not in doc:
            continue
        out[-1] += ","
        fs = doc[key]
        if not fs:
            out.append('  %s: []' % one(key))
            continue
        out.append('  %s: [' % one(key))
        for i, x in enumerate(fs):
            out.append("    %s%s" % (one(x), "," if i < len(fs) - 1 else ""))
        out.append("  ]")
    out.append("}")
    return "\n".join(out) + "\n"
