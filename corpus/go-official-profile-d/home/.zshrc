# ~/.zshrc -- the user switched to zsh later; the Go lines stayed in ~/.profile
HISTFILE=~/.zsh_history
SAVEHIST=1000
autoload -Uz promptinit && promptinit
PROMPT='%n@%m %~ %# '
alias gv='go version'
