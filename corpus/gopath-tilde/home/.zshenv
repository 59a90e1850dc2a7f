# ~/.zshenv
# quoted: the tilde stays a literal "~", which go rejects
export GOPATH="~/go"
export PATH="$PATH:$GOPATH/bin"
# unquoted after '=': expanded
export GOBIN=~/go/bin
# after ':' in an assignment
PATH=$PATH:~/.local/bin
# quoted, after ':'
export GOMODCACHE="~/go/pkg/mod"
X_TILDE_MID=foo:~/bar
