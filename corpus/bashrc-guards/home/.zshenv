# ~/.zshenv
export GOPATH=$HOME/go
source ~/.zsh/interactive.zsh
source ~/.zsh/dash-i.zsh
export ZSHENV_DONE=1
