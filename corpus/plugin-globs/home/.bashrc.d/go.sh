# ~/.bashrc.d/go.sh
export GOPATH=$HOME/go
export PATH=$PATH:$GOPATH/bin
