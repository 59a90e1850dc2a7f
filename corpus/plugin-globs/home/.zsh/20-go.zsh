# ~/.zsh/20-go.zsh
export GOPATH=$HOME/go
path+=($GOPATH/bin)
