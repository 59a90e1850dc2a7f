# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=10000
setopt share_history

# testing the new release from golang.org/dl
export GOROOT=$HOME/sdk/go1.22.5
export PATH="$GOROOT/bin:$PATH"

alias goenv-which='go env GOROOT GOPATH GOVERSION'
PROMPT='%1~ %# '
