# ~/.zshrc -- left over from before the move to ~/.config/zsh; zsh no longer reads it
export GOROOT=/usr/local/go
export PATH="$GOROOT/bin:$PATH"
