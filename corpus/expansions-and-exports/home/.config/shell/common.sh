# ~/.config/shell/common.sh -- sourced by bash (.bashrc) and zsh (.zshenv)

# a PATH helper, called below
addpath() {
  case ":$PATH:" in
    *":$1:"*) ;;
    *) PATH="$1:$PATH" ;;
  esac
}
addpath "$HOME/bin"
addpath "$HOME/go/bin"
addpath "$HOME/bin"          # already there: no change
export PATH

# values computed from other values
export GOPATH=${GOPATH:-$HOME/go}
: ${GOBIN:=$GOPATH/bin}
export GOBIN
GOPROXY_EXTRA=${GOPRIVATE:+,direct}          # GOPRIVATE is not set yet here
export GOPROXY="https://proxy.golang.org${GOPROXY_EXTRA}"
GO_VERSION_FULL=go1.22.5
export GO_MINOR=${GO_VERSION_FULL%.*}
export GO_NUM=${GO_VERSION_FULL#go}
export GOTOOLCHAIN=${GOTOOLCHAIN-local}
GOFLAGS=-trimpath
GOFLAGS+=" -buildvcs=false"
export GOFLAGS

# strings run as code
eval "export GO111MODULE=on"
eval 'export GOAMD64=v3'

# a KEY=value file, exported wholesale
set -a
. "$HOME/.config/shell/go.env"
set +a

# assigned, exported, then dropped
export TMP_TOKEN=abc123
unset TMP_TOKEN

readonly GOEXPERIMENT_DEFAULT=none
declare -x GONOPROXY=git.example.com

# a function-local value leaks only through what it exports
show_inner() {
  local GOPATH=/tmp/inner-gopath
  export INNER_SEEN="$GOPATH"
}
show_inner
