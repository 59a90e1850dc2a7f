# ~/.zlogin
export ZLOGIN_READ=1
