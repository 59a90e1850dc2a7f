# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=1000
alias ll='ls -l'
PROMPT='%~ %# '
