# ~/.zshrc
# "make terminals that are not login shells get the Go setup too"
source ~/.zprofile
export PATH="$HOME/.local/bin:$PATH"
alias gt='go test ./...'
