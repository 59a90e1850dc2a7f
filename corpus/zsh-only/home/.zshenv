# ~/.zshenv -- read by every zsh, including scripts: environment only.
export EDITOR=vim
export PAGER=less
export GOPATH="$HOME/go"

# Ubuntu's /etc/zsh/zshrc runs compinit unless this is set; harmless on Debian.
skip_global_compinit=1
