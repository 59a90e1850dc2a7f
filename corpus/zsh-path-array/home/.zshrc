# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=10000

# prepend again: typeset -U keeps the first occurrence only
path=(~/go/bin ~/.local/bin $path)
path+=(/usr/local/go/bin)
path+=(~/go/bin)            # already there: dropped by -U
PATH="/snap/bin:$PATH"      # the scalar and the array are the same variable
path=(${path:#/usr/games})  # remove an entry

# a second, non-unique array tied by hand
typeset -T GOFLAGS_LIST goflags_list ' '
goflags_list=(-trimpath -buildvcs=false)
export GOFLAGS="$GOFLAGS_LIST"

fpath=(~/.zsh/functions $fpath)
cdpath=(~ ~/src)
PROMPT='%~ %# '
