# ~/.profile
if [ -n "$BASH_VERSION" ] && [ -f "$HOME/.bashrc" ]; then
    . "$HOME/.bashrc"
fi
[ -d "$HOME/.local/bin" ] && PATH="$HOME/.local/bin:$PATH"
[ -f "$HOME/.config/go/env.sh" ] && . "$HOME/.config/go/env.sh"
