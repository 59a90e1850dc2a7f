# ~/.bashrc

# Needed by `ssh host go build` too, so it goes above the interactive guard
# (Debian's bash reads ~/.bashrc for ssh commands).
export GOPATH=$HOME/go
export PATH=$PATH:/usr/local/go/bin:$GOPATH/bin

# If not running interactively, don't do anything
case $- in
    *i*) ;;
      *) return;;
esac

# interactive only from here on
HISTCONTROL=ignoreboth
HISTSIZE=1000
shopt -s histappend
export GOFLAGS=-mod=mod

. ~/.bash_prompt
