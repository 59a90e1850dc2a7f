# ~/.zshenv
typeset -U path PATH
path=(~/go/bin $path)
