# ~/.bashrc
case $- in
    *i*) ;;
      *) return;;
esac

HISTCONTROL=ignoreboth
PS1='\w\$ '

# drop-in snippets
for f in ~/.bashrc.d/*.sh; do
  [ -r "$f" ] && . "$f"
done
# a folder that does not exist: the pattern stays literal and -r is false
for f in ~/.bash_completion.d/*.bash; do
  [ -r "$f" ] && . "$f"
done
unset f
