# ~/.zprofile
export GOBIN="$GOPATH/bin"
