# ~/.zshenv
# Skip Debian's /etc/zsh/zprofile, zshrc and zlogin (their key bindings and
# completion setup): the user's own files are complete.
unsetopt GLOBAL_RCS
export GOPATH=$HOME/go
