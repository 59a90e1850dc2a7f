# ~/.zsh/conf.d/00-env.zsh
export GOPROXY=https://proxy.golang.org,direct
export GONOSUMDB=git.example.com
