# ~/.profile
export PATH="$HOME/.local/share/mise/shims:$PATH"
if [ -n "$BASH_VERSION" ] && [ -f "$HOME/.bashrc" ]; then
  . "$HOME/.bashrc"
fi
