# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=10000
# asdf >= 0.16, as asdf-vm.com/guide/getting-started says
export PATH="${ASDF_DATA_DIR:-$HOME/.asdf}/shims:$PATH"
PROMPT='%~ %# '
