# ~/.zsh/conf.d/50-prompt.zsh
autoload -Uz colors && colors
PROMPT='%B%~%b %# '
