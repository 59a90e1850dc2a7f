# ~/.zshrc -- a hand-rolled plugin folder instead of a framework
HISTFILE=~/.zsh_history
SAVEHIST=10000
HISTSIZE=10000

# every *.zsh in ~/.zsh, in glob (sorted) order
for f in ~/.zsh/*.zsh; do
  source "$f"
done

# the short zsh form for the drop-in directory
for f (~/.zsh/conf.d/*.zsh) source $f

# completions folder that was never created: (N) makes the glob expand to nothing
for f in ~/.zsh/completions/*.zsh(N); do source $f; done
unset f

export PLUGINS_LOADED=yes
