# ~/.bashrc
. "$HOME/.asdf/asdf.sh"
case $- in *i*) ;; *) return;; esac
. "$HOME/.asdf/completions/asdf.bash"
PS1='\w\$ '
