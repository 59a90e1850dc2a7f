# ~/.zprofile -- login shells
export GOROOT=/usr/local/go
export PATH="$PATH:/usr/local/go/bin"
