# ~/.bashrc -- no interactive guard: everything here is environment
. ~/.config/shell/common.sh

export CGO_ENABLED=0
export -n CGO_ENABLED         # bash: keep the value, stop exporting it
set -o allexport
GOTMPDIR=$HOME/.cache/go-tmp
set +o allexport

[ -n "$PS1" ] && PS1='\w\$ '
