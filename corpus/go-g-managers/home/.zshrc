# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=1000

# set by the other g (stefanmaric/g) installer, before voidint/g was tried
export GOPATH="$HOME/go"; export GOROOT="$HOME/.go"; export PATH="$GOPATH/bin:$PATH"; # g-install: do NOT edit, see https://github.com/stefanmaric/g

[ -s "${HOME}/.g/env" ] && \. "${HOME}/.g/env"  # g shell setup
PROMPT='%~ %# '
