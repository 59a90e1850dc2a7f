# $ZDOTDIR/.zprofile
export GOTOOLCHAIN=go1.22.5+auto
