# ~/.bashrc
[ -s "${HOME}/.g/env" ] && \. "${HOME}/.g/env"  # g shell setup

case $- in *i*) ;; *) return;; esac
PS1='\w\$ '
