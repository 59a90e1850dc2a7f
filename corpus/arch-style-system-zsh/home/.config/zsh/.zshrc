# ~/.config/zsh/.zshrc
HISTFILE=$ZDOTDIR/.zsh_history
SAVEHIST=1000
path=($GOPATH/bin $path)
PROMPT='%~ %# '
