# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=10000
PROMPT='%~ %# '
