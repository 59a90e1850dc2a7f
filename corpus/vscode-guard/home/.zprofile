# ~/.zprofile
[[ -z $VSCODE_RESOLVING_ENVIRONMENT ]] && export NOT_VSCODE_PROFILE=1
export GOTOOLCHAIN=local
