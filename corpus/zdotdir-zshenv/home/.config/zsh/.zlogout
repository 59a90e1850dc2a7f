# $ZDOTDIR/.zlogout
# nothing to clean up yet
