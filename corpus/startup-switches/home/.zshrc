# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=1000
export GOFLAGS=-mod=readonly
PROMPT='%~ %# '
