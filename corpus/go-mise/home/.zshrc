# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=10000
eval "$(mise activate zsh)"
export GOFLAGS=-buildvcs=false
PROMPT='%~ %# '
