# ~/.config/zsh/.zshrc -- the user expects this to replace ~/.zshrc; it is never read
export GOPATH="$HOME/code/go"
export GOBIN="$GOPATH/bin"
path=($GOBIN $path)
