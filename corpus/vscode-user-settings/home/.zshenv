# ~/.zshenv: read by every zsh, VS Code's environment resolution included
export GOPATH="$HOME/go"
