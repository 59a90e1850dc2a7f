# ~/.zshrc — written tersely: function bodies in braces with no blank
# inside them (`name () {cmd}`, which zsh allows; `precmd () {print -Pn …}`
# is the classic terminal-title snippet), and a here-document in an `if`.

export GOPATH=$HOME/go
HISTSIZE=5000
SAVEHIST=5000

# title bar: user@host: cwd
precmd () {print -Pn "\e]0;%n@%m: %~\a"}
title () {print -n "\e]2;$1\a"}
mkcd () {mkdir -p -- "$1" && cd -- "$1"}

gopath_bin () {path=($GOPATH/bin $path)}
gopath_bin

go_private () {export GOPRIVATE='github.com/acme/*' GOFLAGS=-mod=mod }
go_private

# the here-document is text for `:`, never run
if ! : <<'EOF'; then
notes for later:
export GOPATH=/wrong/place
EOF
  export GOTOOLCHAIN=local
else
  export GOTOOLCHAIN=auto
fi
export GOBIN=$GOPATH/bin

# zsh's brace if, its condition a command list in braces too
if { command -v no-such-tool-here &>/dev/null } {
    path+=(/opt/never/bin)
} elif { [[ -n $GOPATH ]] } {
    path+=($GOPATH/tools)
} else {
    path+=(/opt/else/bin)
}

alias gs='git status'
