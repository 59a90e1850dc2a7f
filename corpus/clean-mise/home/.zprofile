# ~/.zprofile -- shims for IDEs and non-interactive shells (mise docs, "IDE integration")
eval "$(mise activate zsh --shims)"
