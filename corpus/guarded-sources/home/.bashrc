# ~/.bashrc
[ -z "$PS1" ] && return

HISTCONTROL=ignoredups
HISTSIZE=2000
PS1='[\u@\h \W]\$ '

# optional pieces: some exist, some do not
[ -f ~/.bash_aliases ] && . ~/.bash_aliases
[ -f ~/.bash_local ] && . ~/.bash_local
if [ -r "$HOME/.config/go/env.sh" ]; then
    source "$HOME/.config/go/env.sh"
fi
if [ -r ~/.cargo/env ]; then . ~/.cargo/env; fi
[[ -s "$HOME/.work.sh" ]] && source "$HOME/.work.sh"
test -d ~/sdk/go1.22.5/bin && PATH="$HOME/sdk/go1.22.5/bin:$PATH"
test -d ~/sdk/go1.21.0/bin && PATH="$HOME/sdk/go1.21.0/bin:$PATH"
