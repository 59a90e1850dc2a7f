# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=10000
# Go 1.22 from golang.org/dl (the old /usr/local/go is still there)
export PATH=$HOME/sdk/go1.22.5/bin:$HOME/go/bin:$PATH
PROMPT='%~ %# '
