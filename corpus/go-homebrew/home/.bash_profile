# ~/.bash_profile
eval "$(/opt/homebrew/bin/brew shellenv)"

export GOROOT="$(brew --prefix go)/libexec"
export GOPATH=$HOME/go
export PATH="$GOROOT/bin:$GOPATH/bin:$PATH"

[ -r ~/.bashrc ] && . ~/.bashrc
