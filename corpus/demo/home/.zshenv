# ~/.zshenv -- read by every zsh, including `zsh -c` and editor tasks
export GOPATH="$HOME/go"
export PATH="$GOROOT/bin:$PATH"      # GOROOT is only set later, in .zprofile
