# ~/.zprofile
# Homebrew's go (the stable opt/ path, not the versioned Cellar one)
export GOROOT=/opt/homebrew/opt/go/libexec
export PATH="$GOROOT/bin:$PATH"
export GOPATH="$HOME/go"
