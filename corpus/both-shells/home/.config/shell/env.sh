# ~/.config/shell/env.sh -- environment shared by bash and zsh (POSIX sh only).
# Sourced from ~/.zshenv and ~/.profile, so it must be safe to read twice.

export GOPATH="$HOME/go"
export GOBIN="$GOPATH/bin"

case ":$PATH:" in
  *":$GOBIN:"*) ;;
  *) PATH="$GOBIN:$PATH" ;;
esac
export PATH

export EDITOR=vim
export LESS=-R
