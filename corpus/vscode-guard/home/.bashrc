# ~/.bashrc
# commands run over ssh: pin the toolchain, nothing else
if [ -n "$SSH_CLIENT" ] && [[ $- != *i* ]]; then
  export GOTOOLCHAIN=local
  export SSH_COMMAND_ENV=1
  return
fi
[ -n "$VSCODE_RESOLVING_ENVIRONMENT" ] && return
export GOFLAGS=-mod=mod
PS1='\w\$ '
