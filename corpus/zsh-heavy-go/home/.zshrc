# ~/.zshrc — heavy zsh around the Go lines
setopt extended_glob no_beep
zstyle ':completion:*' menu select
go_versions=(1.22.5 1.21.0)
sdk_root=${GO_SDK_DIR:-$HOME/sdk}
print -r -- ${${GO_SDK_DIR:-$HOME/sdk}%/} ${(j.:.)go_versions} >/dev/null

if [[ -o interactive ]] { COLORS=256 } else { COLORS=8 }
for f ($HOME/.zsh/*.zsh(N.)) source $f

# a second GOROOT: this one wins in interactive shells
export GOROOT=$sdk_root/go${go_versions[1]}
export GOBIN="~/go/bin"
path=($GOROOT/bin ${GOPATH}/bin ${path:#/usr/games})

function chpwd title_update() { print -Pn "\e]0;%~\a" }
repeat 2 : done-twice
[[ ${TERM:-dumb} == (xterm|screen)* ]] && print -n '\e[?1034h'
entries=${#path}
PROMPT='%F{blue}%~%f %# '
