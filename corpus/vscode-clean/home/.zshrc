# ~/.zshrc
HISTFILE=~/.zsh_history
HISTSIZE=5000
SAVEHIST=5000

alias gs='git status'
alias gt='go test ./...'

PROMPT='%1~ %# '
