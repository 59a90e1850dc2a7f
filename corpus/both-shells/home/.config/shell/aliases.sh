# ~/.config/shell/aliases.sh -- aliases for both shells
alias ll='ls -alF'
alias la='ls -A'
alias g=git
alias gotest='go test -race ./...'
alias k=kubectl
