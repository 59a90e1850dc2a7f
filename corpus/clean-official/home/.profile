# ~/.profile: executed by the command interpreter for login shells.

# if running bash
if [ -n "$BASH_VERSION" ]; then
    # include .bashrc if it exists
    if [ -f "$HOME/.bashrc" ]; then
	. "$HOME/.bashrc"
    fi
fi

# Go, as go.dev/doc/install says (the tarball unpacked in /usr/local/go)
export PATH=$PATH:/usr/local/go/bin
# programs installed by `go install`
export PATH=$PATH:$HOME/go/bin
