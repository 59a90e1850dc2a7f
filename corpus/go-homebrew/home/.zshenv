# ~/.zshenv
# pasted from `go env GOROOT` two Go releases ago
export GOROOT=/opt/homebrew/Cellar/go/1.21.3/libexec
