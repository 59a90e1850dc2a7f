# ~/.zshenv -- asdf shims for every zsh, scripts included
export PATH="${ASDF_DATA_DIR:-$HOME/.asdf}/shims:$PATH"
