# ~/.bashrc — here-documents where their line goes on to `then`, `}` and
# `;;`. Their text is data for `:`, never run.

export GOPATH=$HOME/go
if ! : <<'EOF'; then
export GOPATH=/wrong/place
EOF
  PATH=$PATH:/never
fi

{ : <<NOTE; }
export GOBIN=/wrong/bin
NOTE

case $- in
  *i*) : <<'EOF';;
export GOROOT=/wrong/root
EOF
esac

export GOBIN=$GOPATH/bin
PATH=$GOBIN:$PATH
HISTCONTROL=ignoredups
