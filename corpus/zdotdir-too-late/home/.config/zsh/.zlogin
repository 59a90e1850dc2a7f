# ~/.config/zsh/.zlogin -- read by login shells, since ZDOTDIR is looked up again
export WHICH_ZLOGIN=config
