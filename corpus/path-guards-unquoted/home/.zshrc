# ~/.zshrc: the same guards as ~/.bashrc, zsh reads them alike.
export GOPATH=$HOME/go
gobin=$HOME/go/bin
if [[ ":$PATH:" != *:$gobin:* ]]; then
    PATH=$PATH:$gobin
fi
[[ $PATH == *$HOME/.local/bin* ]] || PATH=$HOME/.local/bin:$PATH
[[ $PATH == *${HOME}/bin* ]] || PATH=$HOME/bin:$PATH
[[ $PATH == *$HOME/.local/bin* ]] || PATH=$HOME/.local/bin:$PATH
case :$PATH: in *:${gobin}:*) ;; *) PATH=$PATH:$gobin ;; esac
case $GOPATH in $HOME/*) GOFLAGS=-modcacherw ;; *) GOFLAGS= ;; esac
export GOFLAGS PATH
