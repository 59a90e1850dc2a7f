# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=1000

[[ -s "$HOME/.gvm/scripts/gvm" ]] && source "$HOME/.gvm/scripts/gvm"

# my own workspace, set after gvm
export GOPATH=$HOME/work
export PATH=$PATH:$GOPATH/bin
PROMPT='%~ %# '
