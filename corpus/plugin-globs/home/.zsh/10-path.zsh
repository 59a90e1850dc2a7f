# ~/.zsh/10-path.zsh
typeset -U path
path=(~/.local/bin $path)
