# ~/.bash_aliases
alias gt='go test ./...'
BASH_ALIASES_COUNT=$((${BASH_ALIASES_COUNT:-0} + 1))
# make sure the environment is there when this file is sourced by itself
. ~/.bashrc
