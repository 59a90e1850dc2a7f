# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=10000

# gvm, to try older releases; it builds them with Homebrew's go
[[ -s "$HOME/.gvm/scripts/gvm" ]] && source "$HOME/.gvm/scripts/gvm"
export GOROOT_BOOTSTRAP=/opt/homebrew/Cellar/go/1.21.4/libexec

PROMPT='%~ %# '
