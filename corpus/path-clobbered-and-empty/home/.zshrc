# ~/.zshrc
setopt auto_cd
alias gb='go build ./...'
