# ~/.bash_profile
export GOPATH=$HOME/go
export PATH=$GOPATH/bin:$PATH
[ -f ~/.bashrc ] && . ~/.bashrc
