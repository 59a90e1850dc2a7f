# ~/.bashrc
case $- in *i*) ;; *) return;; esac
export GO111MODULE=off
HISTSIZE=5000
