# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=5000

# goenv, as its README says
export GOENV_ROOT="$HOME/.goenv"
export PATH="$GOENV_ROOT/bin:$PATH"
eval "$(goenv init -)"
export PATH="$GOROOT/bin:$PATH"
export PATH="$PATH:$GOPATH/bin"

alias gvl='goenv versions'
PROMPT='%~ %# '
