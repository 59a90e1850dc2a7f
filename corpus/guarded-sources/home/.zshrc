# ~/.zshrc
HISTFILE=~/.zsh_history
SAVEHIST=2000

[[ -r ~/.config/go/env.sh ]] && source ~/.config/go/env.sh
[[ -r ~/.zsh_local ]] && source ~/.zsh_local
if [[ -f ~/.aliases ]]; then
  source ~/.aliases
fi
[[ -s ~/.work.sh ]] && source ~/.work.sh || export NO_WORK=1
[[ -d ~/sdk/go1.22.5/bin ]] && path=(~/sdk/go1.22.5/bin $path)
[[ -d ~/sdk/go1.21.0/bin ]] && path=(~/sdk/go1.21.0/bin $path)
