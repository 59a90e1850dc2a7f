# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=10000
autoload -Uz add-zsh-hook

# Go set up lazily, before the first prompt, to keep startup fast
_load_go() {
  export GOROOT=$HOME/sdk/go1.22.5
  export GOPATH=$HOME/go
  export PATH=$GOROOT/bin:$GOPATH/bin:$PATH
  add-zsh-hook -d precmd _load_go
}
add-zsh-hook precmd _load_go

PROMPT='%~ %# '
