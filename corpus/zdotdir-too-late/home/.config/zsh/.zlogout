# ~/.config/zsh/.zlogout
export WHICH_ZLOGOUT=config
