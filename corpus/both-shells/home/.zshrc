# ~/.zshrc
HISTFILE=~/.zsh_history
HISTSIZE=5000
SAVEHIST=5000
setopt inc_append_history

source ~/.config/shell/aliases.sh

# go modules behind the corporate proxy
export GOPRIVATE=git.example.com
export GOFLAGS=-mod=readonly

PROMPT='%F{green}%n%f:%F{blue}%~%f%# '
