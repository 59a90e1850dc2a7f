# bash completion for rccheck(1): subcommands, options and their values, rule
# ids and names (asked from `rccheck rules`), files.

_rccheck_rules() {
  "${COMP_WORDS[0]}" rules 2>/dev/null | awk 'NR > 1 { print $1; print $2 }'
}

_rccheck() {
  local cur prev
  COMPREPLY=()
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD - 1]}
  # --opt=value
  if [[ $cur == --*=* ]]; then
    prev=${cur%%=*}
    cur=${cur#*=}
  elif [[ $cur == = && $prev == --* ]]; then
    cur=
  elif [[ $prev == = && COMP_CWORD -ge 2 ]]; then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  fi

  local commands="lint rules chain env graph lsp"
  local options="--home --shell --os --sysroot --context --format --severity --fail-on --enable --disable
    --config --no-config --fix --no-backup --color --diff --inherit-env --user --workspace --jobs --stdio --help --version"
  case $prev in
    --home|--sysroot|--workspace) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --config) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --shell) COMPREPLY=($(compgen -W "zsh bash sh" -- "$cur")); return ;;
    --os) COMPREPLY=($(compgen -W "macos linux" -- "$cur")); return ;;
    --context) COMPREPLY=($(compgen -W "login-interactive interactive login script vscode ssh-command all" -- "$cur")); return ;;
    --format) COMPREPLY=($(compgen -W "text gcc json sarif diff md" -- "$cur")); return ;;
    --severity|--fail-on) COMPREPLY=($(compgen -W "style info warning error" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --enable|--disable) COMPREPLY=($(compgen -W "all $(_rccheck_rules)" -- "$cur")); return ;;
    --user) COMPREPLY=($(compgen -u -- "$cur")); return ;;
    --jobs) COMPREPLY=($(compgen -W "1 2 4 8" -- "$cur")); return ;;
  esac

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return
  fi
  # The subcommand: the first word that is not an option or an option's value.
  local i w sub=
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    case $w in
      --home|--sysroot|--config|--shell|--os|--context|--format|--severity|--fail-on|--color|--enable|--disable|--user|--workspace|--jobs)
        ((i++)) ;;
      -*) ;;
      *) sub=$w; break ;;
    esac
  done
  case $sub in
    rules) COMPREPLY=($(compgen -W "$(_rccheck_rules)" -- "$cur")) ;;
    env) COMPREPLY=($(compgen -W "PATH GOROOT GOPATH GOBIN GOFLAGS GOPROXY GOENV ZDOTDIR" -- "$cur")) ;;
    chain|graph|lsp) ;;
    *)
      compopt -o filenames 2>/dev/null
      COMPREPLY=($(compgen -f -- "$cur"))
      [[ -z $sub ]] && COMPREPLY+=($(compgen -W "$commands" -- "$cur"))
      ;;
  esac
}

complete -F _rccheck rccheck
