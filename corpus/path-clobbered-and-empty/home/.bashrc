# ~/.bashrc
[[ $- == *i* ]] || return
# forgot :$PATH -- ls, git and go are gone in every interactive bash
export PATH="$HOME/go/bin:$HOME/.local/bin"
