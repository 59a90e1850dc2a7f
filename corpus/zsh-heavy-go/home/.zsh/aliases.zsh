# ~/.zsh/aliases.zsh — sourced by the glob in .zshrc
alias gob='go build ./...'
alias -g G='| grep'
(( ${#go_versions} )) && GO_HAVE_VERSIONS=yes
