# $ZDOTDIR/.zshrc
HISTFILE="$XDG_DATA_HOME/zsh/history"
HISTSIZE=20000
SAVEHIST=20000
setopt hist_ignore_space

typeset -U path
path=($GOBIN $path)

alias v=nvim
alias gg='go generate ./...'
PROMPT='%~ %# '
