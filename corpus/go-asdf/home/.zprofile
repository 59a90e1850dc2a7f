# ~/.zprofile -- from the days of the official tarball
export GOROOT=/usr/local/go
