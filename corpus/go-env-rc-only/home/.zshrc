# ~/.zshrc
HISTFILE=~/.zsh_history
HISTSIZE=5000
SAVEHIST=5000
setopt hist_ignore_dups

# Go (pasted from a blog post)
export GOPATH="$HOME/go"
export PATH="$PATH:$GOPATH/bin"

alias gt='go test ./...'
PROMPT='%n@%m %1~ %# '
