# ~/.profile
export GOPATH=$HOME/go
# every later non-interactive bash reads this file first
export BASH_ENV="$HOME/.bash_env"
if [ -n "$BASH_VERSION" ] && [ -f "$HOME/.bashrc" ]; then
  . "$HOME/.bashrc"
fi
