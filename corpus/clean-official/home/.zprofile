# ~/.zprofile -- the same two lines for zsh login shells
export PATH=$PATH:/usr/local/go/bin
export PATH=$PATH:$HOME/go/bin
