# ~/.zshenv: every zsh reads it (terminals, scripts, VS Code's environment resolution)
export GOPATH="$HOME/go"
path=(/usr/local/go/bin $GOPATH/bin $path)
