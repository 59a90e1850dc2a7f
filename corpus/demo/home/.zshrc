# ~/.zshrc -- interactive shells
HISTFILE=~/.zsh_history
SAVEHIST=10000
setopt share_history

# trying out the new release from golang.org/dl
export GOROOT="$HOME/sdk/go1.22.5"
export GOPATH="~/go"
export PATH="$GOROOT/bin:$PATH:$GOPATH/bin"

source ~/.zsh/aliases.zsh
source ~/.zsh/completion.zsh
alias gt='go test ./...'
