# ~/.zsh/dash-i.zsh -- the same guard written with $-
[[ $- == *i* ]] || return
export GOTOOLCHAIN=auto
