# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=100
# in a typeset argument
typeset -x GOCACHE=~/.cache/go-build
# in a plain command argument, not an assignment: not a tilde position for zsh
export GOENV_FILE=--file=~/.config/go/env
