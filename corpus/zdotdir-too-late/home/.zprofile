# ~/.zprofile
export GOPATH="$HOME/go"
