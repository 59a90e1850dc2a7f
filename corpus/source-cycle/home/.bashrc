# ~/.bashrc
# ~/.bash_aliases sources this file back (it was meant to be run on its own):
# the counter below stops the loop.
[ -n "$BASHRC_DONE" ] && return
BASHRC_DONE=1

export GOPATH=$HOME/go
. ~/.bash_aliases
export PATH="$GOPATH/bin:$PATH"
