# ~/.zshenv
export GOPATH="$HOME/go"
# GOBIN is set in ~/.zprofile, which zsh reads after this file
export PATH="$GOBIN:$PATH"
