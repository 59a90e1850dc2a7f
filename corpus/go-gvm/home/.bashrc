# ~/.bashrc
[[ -s "$HOME/.gvm/scripts/gvm" ]] && source "$HOME/.gvm/scripts/gvm"
case $- in *i*) ;; *) return;; esac
PS1='\w\$ '
