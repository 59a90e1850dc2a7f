# ~/.zlogout
# (nothing)
