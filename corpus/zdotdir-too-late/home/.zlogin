# ~/.zlogin -- not read once ZDOTDIR points elsewhere
export WHICH_ZLOGIN=home
