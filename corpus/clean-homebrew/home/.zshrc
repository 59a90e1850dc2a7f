# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=10000

# Homebrew's shell completion, as docs.brew.sh/Shell-Completion shows it
if type brew &>/dev/null; then
  FPATH="$(brew --prefix)/share/zsh/site-functions:${FPATH}"
fi

# tools from `go install`
export PATH="$PATH:$HOME/go/bin"
PROMPT='%~ %# '
