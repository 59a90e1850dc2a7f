# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=1000
source ~/.zsh/a.zsh
