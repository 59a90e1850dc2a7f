# ~/.asdf/plugins/golang/set-env.zsh -- corpus stand-in for the asdf-golang
# plugin's zsh hook: before each prompt, fill GOROOT, GOPATH and GOBIN from the
# golang line of ~/.tool-versions, but only those that are still unset.
asdf_update_golang_env() {
  local tool ver rest v=
  [[ -r $HOME/.tool-versions ]] || return
  while read -r tool ver rest; do
    [[ $tool == golang ]] && v=$ver
  done < $HOME/.tool-versions
  [[ -n $v ]] || return
  export GOROOT="${GOROOT:-${ASDF_DATA_DIR:-$HOME/.asdf}/installs/golang/$v/go}"
  export GOPATH="${GOPATH:-${ASDF_DATA_DIR:-$HOME/.asdf}/installs/golang/$v/packages}"
  export GOBIN="${GOBIN:-$GOPATH/bin}"
}
autoload -Uz add-zsh-hook
add-zsh-hook precmd asdf_update_golang_env
