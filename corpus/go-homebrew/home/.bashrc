# ~/.bashrc
[ -z "$PS1" ] && return
PS1='\h:\W \u\$ '
alias bup='brew update && brew upgrade'
