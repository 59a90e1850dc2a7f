# ~/.bash_profile -- written by an installer; bash login shells now skip ~/.profile
export PATH="$HOME/.cargo/bin:$PATH"
