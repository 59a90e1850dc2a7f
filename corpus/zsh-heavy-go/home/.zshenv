# ~/.zshenv — zsh-only syntax before the Go lines (the kind tree-sitter-bash loses)
typeset -U path PATH

# anonymous function with a short `for` and glob qualifiers
() {
  local d
  for d ($HOME/.local/bin(N/) $HOME/bin(N/)) path=($d $path)
}

(( $+commands[brew] )) && export HOMEBREW_NO_ANALYTICS=1
zmodload -F zsh/stat b:zstat 2>/dev/null &|

export GOPATH="$HOME/go"
export GOROOT=/usr/local/go
