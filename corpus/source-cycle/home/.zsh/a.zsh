# ~/.zsh/a.zsh
A_COUNT=$(( ${A_COUNT:-0} + 1 ))
[ -n "$A_DONE" ] && return
A_DONE=1
export GOPATH=$HOME/go
source ~/.zsh/b.zsh
export PATH="$GOPATH/bin:$PATH"
