# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=10000
# mise, as mise.jdx.dev/getting-started says
eval "$(mise activate zsh)"
PROMPT='%~ %# '
