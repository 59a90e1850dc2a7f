# ~/.bash_profile -- created by an installer
export PATH="$HOME/.local/bin:$PATH"
