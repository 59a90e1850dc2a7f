# ~/.bashrc.d/aliases.sh
alias gst='git status'
alias gr='go run .'
