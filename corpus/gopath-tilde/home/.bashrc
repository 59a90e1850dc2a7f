# ~/.bashrc
export GOPATH="~/go"
export PATH="$PATH:$GOPATH/bin"
export GOBIN=~/go/bin
PATH=$PATH:~/.local/bin
export GOMODCACHE="~/go/pkg/mod"
X_TILDE_MID=foo:~/bar
declare -x GOCACHE=~/.cache/go-build
export GOENV_FILE=--file=~/.config/go/env
