# ~/.bashrc
case $- in *i*) ;; *) return;; esac
PS1='\w\$ '
