#!/usr/bin/env zsh
# zsh-normalise.zsh SCRATCH_DIR < file-list
#
# zsh as the reference parser, without running anything from the files: each
# file (one path a line on stdin) is linked into SCRATCH_DIR under a fixed
# name, loaded as the body of an autoloadable function with `autoload -Uz +X`
# (parse only: +X loads without executing, -U keeps aliases out) and printed
# back with `functions`, zsh's normalised text of what it parsed.
#
# Output, per file: "\x01BEGIN <path>", the normalised body, "\x01END"; or
# "\x01FAIL <path>" when zsh cannot parse the file.
emulate -R zsh
setopt no_global_rcs
scratch=${1:?usage: zsh-normalise.zsh SCRATCH_DIR < file-list}
fpath=($scratch)
integer i=0
while IFS= read -r f; do
  (( i++ ))
  name=rcf_$i
  ln -sf -- ${f:a} $scratch/$name || { print -r -- $'\x01'"FAIL $f"; continue }
  if autoload -Uz +X $name 2>/dev/null; then
    print -r -- $'\x01'"BEGIN $f"
    functions $name
    print -r -- $'\x01'"END"
  else
    print -r -- $'\x01'"FAIL $f"
  fi
  unfunction $name 2>/dev/null
  rm -f -- $scratch/$name
done
