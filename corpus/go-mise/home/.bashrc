# ~/.bashrc
case $- in *i*) ;; *) return;; esac
PS1='\w\$ '
if command -v mise >/dev/null 2>&1; then
  eval "$(mise activate bash)"
else
  export MISE_MISSING=1
fi
