# ~/.zshenv
source ~/.config/shell/common.sh

export CGO_ENABLED=0
typeset +x CGO_ENABLED        # zsh: keep the value, stop exporting it
setopt allexport
GOTMPDIR=$HOME/.cache/go-tmp
unsetopt allexport
