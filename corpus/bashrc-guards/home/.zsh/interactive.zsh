# ~/.zsh/interactive.zsh -- sourced from .zshenv, so every zsh opens it
[[ -o interactive ]] || return
export GOFLAGS=-mod=mod
alias gb='go build ./...'
