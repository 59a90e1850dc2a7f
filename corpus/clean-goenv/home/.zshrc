# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=5000

# goenv, as its INSTALL.md says (without the optional `$GOROOT/bin` line)
export GOENV_ROOT="$HOME/.goenv"
export PATH="$GOENV_ROOT/bin:$PATH"
eval "$(goenv init -)"
export PATH="$PATH:$GOPATH/bin"

PROMPT='%~ %# '
