# ~/.config/go/env.sh -- Go settings, sourced by both shells when present
export GOPATH="$HOME/go"
export GOFLAGS=-trimpath
