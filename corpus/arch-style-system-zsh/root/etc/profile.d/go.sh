# /etc/profile.d/go.sh
export PATH=$PATH:/usr/local/go/bin
export GOPROXY=https://goproxy.example.com,direct
