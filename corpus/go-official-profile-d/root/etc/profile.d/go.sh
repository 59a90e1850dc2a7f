# /etc/profile.d/go.sh -- added by the admin after unpacking go1.22.5.linux-amd64.tar.gz
export PATH=$PATH:/usr/local/go/bin
