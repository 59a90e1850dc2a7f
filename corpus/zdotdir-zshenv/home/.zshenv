# ~/.zshenv -- the only zsh file left in $HOME: point zsh at ~/.config/zsh
export XDG_CONFIG_HOME="$HOME/.config"
export XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache"
export ZDOTDIR="${XDG_CONFIG_HOME:-$HOME/.config}/zsh"

# zsh has already looked for .zshenv here, not in $ZDOTDIR: read that one by hand
[[ -f "$ZDOTDIR/.zshenv" ]] && source "$ZDOTDIR/.zshenv"
