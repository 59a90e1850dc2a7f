# ~/.bashrc

# Go tools: each guarded so that sourcing this file twice adds nothing.
gobin=$HOME/go/bin
if [[ ":$PATH:" != *:$gobin:* ]]; then
    PATH=$PATH:$gobin
fi
[[ $PATH == *$HOME/.local/bin* ]] || PATH=$HOME/.local/bin:$PATH
[[ $PATH == *${HOME}/bin* ]] || PATH=$HOME/bin:$PATH
[[ $PATH = *$HOME/sdk/go1.22/bin* ]] || PATH=$PATH:$HOME/sdk/go1.22/bin

# A list of extra dirs; the pattern mixes quoted and unquoted parts.
for d in /opt/go/bin "$HOME/.cargo/bin"; do
    case ":$PATH:" in
        *:"$d":*|$d:*) ;;
        *) PATH=$PATH:$d ;;
    esac
done

# Once more, as a second `source ~/.bashrc` would: nothing may change.
[[ $PATH == *$HOME/.local/bin* ]] || PATH=$HOME/.local/bin:$PATH
[[ $PATH == *${HOME}/bin* ]] || PATH=$HOME/bin:$PATH
case :$PATH: in *:${gobin}:*) ;; *) PATH=$PATH:$gobin ;; esac
case $GOPATH in $HOME/*) GOFLAGS=-modcacherw ;; *) GOFLAGS= ;; esac
export GOFLAGS PATH

alias ll='ls -l'
HISTSIZE=1000
