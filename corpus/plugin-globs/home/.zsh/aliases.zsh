# ~/.zsh/aliases.zsh
alias gst='git status'
alias gco='git checkout'
alias gr='go run .'
