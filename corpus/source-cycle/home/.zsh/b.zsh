# ~/.zsh/b.zsh
B_COUNT=$(( ${B_COUNT:-0} + 1 ))
export GOBIN=$GOPATH/bin
source ~/.zsh/a.zsh
