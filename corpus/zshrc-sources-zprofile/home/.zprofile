# ~/.zprofile
export GOPATH="$HOME/go"
export PATH="$GOPATH/bin:$PATH"
