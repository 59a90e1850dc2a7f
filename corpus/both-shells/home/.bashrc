# ~/.bashrc: executed by bash(1) for non-login shells.

# If not running interactively, don't do anything
case $- in
    *i*) ;;
      *) return;;
esac

HISTCONTROL=ignoreboth
HISTSIZE=5000
shopt -s histappend checkwinsize

. ~/.config/shell/aliases.sh

export GOPRIVATE=git.example.com
export GOFLAGS=-mod=readonly

PS1='\u@\h:\w\$ '
