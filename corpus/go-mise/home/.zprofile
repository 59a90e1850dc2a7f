# ~/.zprofile -- shims for IDEs and other non-interactive shells
eval "$(mise activate zsh --shims)"
