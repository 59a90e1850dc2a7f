# ~/.bashrc
case $- in *i*) ;; *) return;; esac

PS1='\w\$ '
export GOENV_ROOT="$HOME/.goenv"
export PATH="$GOENV_ROOT/bin:$PATH"
# only when goenv is really there
if command -v goenv >/dev/null 2>&1; then
  eval "$(goenv init -)"
fi
export GOENV_PATH_ORDER=front
