# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=1000
HISTSIZE=1000
bindkey -v

alias ..='cd ..'
alias gmt='go mod tidy'

# Moving my config to ~/.config/zsh (does not work: .zshrc is already being read)
export ZDOTDIR="$HOME/.config/zsh"
