# ~/.profile: executed by the command interpreter for login shells.

# Add a directory to PATH once (the guard many dotfiles copy from RHEL's
# /etc/profile, with the pattern left unquoted).
pathmunge () {
    case ":${PATH}:" in
        *:$1:*)
            ;;
        *)
            if [ "$2" = "after" ] ; then
                PATH=$PATH:$1
            else
                PATH=$1:$PATH
            fi
    esac
}

export GOPATH=$HOME/go
pathmunge /usr/local/go/bin after
pathmunge $GOPATH/bin after
pathmunge /usr/local/go/bin after
export PATH

if [ -n "$BASH_VERSION" ] && [ -f "$HOME/.bashrc" ]; then
    . "$HOME/.bashrc"
fi
