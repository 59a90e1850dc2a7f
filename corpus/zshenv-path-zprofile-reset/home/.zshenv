# ~/.zshenv -- "put PATH in .zshenv so scripts see it too"
export GOPATH=$HOME/go
export PATH="$GOPATH/bin:$HOME/.local/bin:$PATH"
