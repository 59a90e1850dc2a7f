# ~/.profile
export GOROOT=/usr/local/go
export PATH="$PATH:$GOROOT/bin"
[ -f "$HOME/.bashrc" ] && . "$HOME/.bashrc"
