# ~/.zprofile -- login shells only
export LANG=C.UTF-8
export GOTOOLCHAIN=local
