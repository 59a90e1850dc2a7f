# ~/.zshenv -- GOROOT pointed at the go binary, not at the tree (a frequent typo)
export GOROOT=/usr/local/go/bin/go
export PATH=$PATH:$GOROOT/bin
