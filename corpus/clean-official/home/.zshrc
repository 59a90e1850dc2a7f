# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=1000
PROMPT='%n@%m %~ %# '
