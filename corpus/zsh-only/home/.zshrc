# ~/.zshrc -- interactive shells

HISTFILE=~/.zsh_history
HISTSIZE=10000
SAVEHIST=10000
setopt hist_ignore_dups share_history extended_glob auto_cd
bindkey -e

# Go: tools installed with `go install` land in $GOPATH/bin
typeset -U path PATH
path=($GOPATH/bin ~/.local/bin $path)
export GO111MODULE=on

alias ll='ls -lh'
alias gs='git status -sb'
alias gob='go build ./...'
alias got='go test ./...'

autoload -Uz vcs_info
zstyle ':vcs_info:git:*' formats ' (%b)'
setopt prompt_subst
PROMPT='%n@%m %1~${vcs_info_msg_0_} %# '
