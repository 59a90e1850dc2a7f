# ~/.zshrc: the same in zsh's pattern forms.
x=foobar y=foo d=/usr/local/bin P=/usr/bin:/usr/local/bin:/bin
z='f*'

# zsh's groups
[[ $x == (foobar|baz) ]] && PATH=$PATH:/t1-yes || PATH=$PATH:/t1-no
[[ $x == (foo|bar)(bar|x) ]] && PATH=$PATH:/t2-yes || PATH=$PATH:/t2-no
[[ $x == [a-z]* ]] && PATH=$PATH:/t3-yes || PATH=$PATH:/t3-no
[[ $x == "$y"* ]] && PATH=$PATH:/t4-yes || PATH=$PATH:/t4-no
[[ $x == ${y}* ]] && PATH=$PATH:/t5-yes || PATH=$PATH:/t5-no
[[ $x == $y* ]] && PATH=$PATH:/t6-yes || PATH=$PATH:/t6-no
[[ $x == *$y ]] && PATH=$PATH:/t7-yes || PATH=$PATH:/t7-no
[[ ":$P:" == *:$d:* ]] && PATH=$PATH:/t8-yes || PATH=$PATH:/t8-no
[[ $x = f* ]] && PATH=$PATH:/t9-yes || PATH=$PATH:/t9-no
[[ $x == f?o* ]] && PATH=$PATH:/t10-yes || PATH=$PATH:/t10-no
[[ $x == *\** ]] && PATH=$PATH:/t11-yes || PATH=$PATH:/t11-no
[[ $x == 'foo'* ]] && PATH=$PATH:/t12-yes || PATH=$PATH:/t12-no
[[ $HOME/x == ~/* ]] && PATH=$PATH:/t13-yes || PATH=$PATH:/t13-no
[[ $x == $y$y ]] && PATH=$PATH:/t14-yes || PATH=$PATH:/t14-no
# zsh: $z's value is literal (no GLOB_SUBST)
[[ $x == $z ]] && PATH=$PATH:/t15-yes || PATH=$PATH:/t15-no
case $x in [Ff]oo*) PATH=$PATH:/c1-yes ;; *) PATH=$PATH:/c1-no ;; esac
case $x in (foo|bar)bar) PATH=$PATH:/c2-yes ;; *) PATH=$PATH:/c2-no ;; esac
case $x in $y|bar) PATH=$PATH:/c3-a ;; $y*) PATH=$PATH:/c3-b ;; *) PATH=$PATH:/c3-no ;; esac
case $d in */local/*) PATH=$PATH:/c4-yes ;; *) PATH=$PATH:/c4-no ;; esac
case $x in $z) PATH=$PATH:/c5-yes ;; *) PATH=$PATH:/c5-no ;; esac
export PATH
