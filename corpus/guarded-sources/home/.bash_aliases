# ~/.bash_aliases
alias ll='ls -l'
alias gv='go vet ./...'
export ALIASES_FILE=1
