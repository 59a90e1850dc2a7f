# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=10000

export GOPATH=$HOME/go
export PATH=$PATH:$GOROOT/bin:$GOPATH/bin

# Homebrew completions
if type brew &>/dev/null; then
  FPATH="$(brew --prefix)/share/zsh/site-functions:${FPATH}"
fi

alias bup='brew update && brew upgrade'
PROMPT='%F{cyan}%~%f %# '
