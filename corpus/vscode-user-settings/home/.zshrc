# ~/.zshrc
HISTFILE=~/.zsh_history
HISTSIZE=5000
SAVEHIST=5000
setopt share_history

bindkey -e

alias gs='git status'
alias gt='go test ./...'

# Go from the official tarball
export GOROOT=/usr/local/go
export PATH="$GOROOT/bin:$GOPATH/bin:$PATH"

PROMPT='%n@%m %1~ %# '
