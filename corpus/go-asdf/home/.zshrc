# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=10000

# asdf >= 0.16: shims only
export PATH="${ASDF_DATA_DIR:-$HOME/.asdf}/shims:$PATH"
# asdf-golang: GOROOT & co. from a precmd hook
. ${ASDF_DATA_DIR:-$HOME/.asdf}/plugins/golang/set-env.zsh

PROMPT='%~ %# '
