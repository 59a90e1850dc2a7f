# ~/.bashrc
[ -z "$PS1" ] && return
HISTCONTROL=ignoreboth
shopt -s histappend

# Go toolchain unpacked by hand
export GOROOT="$HOME/sdk/go1.22.5"
export PATH="$GOROOT/bin:$PATH"

alias ll='ls -alF'
