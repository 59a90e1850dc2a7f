# ~/.zshenv -- never read: /etc/zsh/zshenv moves ZDOTDIR before zsh looks here
export GOPATH=$HOME/wrong-go
