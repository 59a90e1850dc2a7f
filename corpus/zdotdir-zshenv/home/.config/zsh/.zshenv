# $ZDOTDIR/.zshenv
export GOPATH="$XDG_DATA_HOME/go"
export GOMODCACHE="$XDG_CACHE_HOME/go/mod"
export GOBIN="$HOME/.local/bin"
