# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=10000

export GOPATH=$HOME/go
path=($GOPATH/bin $path)

# VS Code resolves its environment with `zsh -i -l -c`: skip the slow parts there
if [[ -n "$VSCODE_RESOLVING_ENVIRONMENT" ]]; then
  export RESOLVED_FOR_VSCODE=1
  return
fi

# slow prompt and plugin setup below
export GOFLAGS=-mod=mod
PROMPT='%~ %# '
