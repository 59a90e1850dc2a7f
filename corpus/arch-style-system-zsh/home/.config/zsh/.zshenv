# ~/.config/zsh/.zshenv
export GOPATH=$HOME/go
