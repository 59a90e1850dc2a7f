# ~/.bashrc: PATH guards and other tests in every pattern form, each
# outcome recorded as a PATH entry (/tN-yes or /tN-no).
shopt -s extglob
x=foobar y=foo d=/usr/local/bin P=/usr/bin:/usr/local/bin:/bin
z='f*'

# extglob @() (on in [[ ]] since bash 4.1)
[[ $x == @(foobar|baz) ]] && PATH=$PATH:/t1-yes || PATH=$PATH:/t1-no
[[ $x == !(foo) ]] && PATH=$PATH:/t2-yes || PATH=$PATH:/t2-no
[[ $x == +(o|f|b|a|r) ]] && PATH=$PATH:/t3-yes || PATH=$PATH:/t3-no
[[ $x == ?(f)oobar ]] && PATH=$PATH:/t4-yes || PATH=$PATH:/t4-no
# a bracket expression
[[ $x == [a-z]* ]] && PATH=$PATH:/t5-yes || PATH=$PATH:/t5-no
[[ $x == "$y"* ]] && PATH=$PATH:/t6-yes || PATH=$PATH:/t6-no
[[ $x == ${y}* ]] && PATH=$PATH:/t7-yes || PATH=$PATH:/t7-no
[[ $x == $y* ]] && PATH=$PATH:/t8-yes || PATH=$PATH:/t8-no
[[ $x == *$y ]] && PATH=$PATH:/t9-yes || PATH=$PATH:/t9-no
[[ ":$P:" == *:$d:* ]] && PATH=$PATH:/t10-yes || PATH=$PATH:/t10-no
[[ ":$P:" != *:"$d":* ]] && PATH=$PATH:/t11-yes || PATH=$PATH:/t11-no
# `=` is `==`
[[ $x = f* ]] && PATH=$PATH:/t12-yes || PATH=$PATH:/t12-no
[[ $x == f?o* ]] && PATH=$PATH:/t13-yes || PATH=$PATH:/t13-no
# an escaped star is literal
[[ $x == *\** ]] && PATH=$PATH:/t14-yes || PATH=$PATH:/t14-no
[[ $x == 'foo'* ]] && PATH=$PATH:/t15-yes || PATH=$PATH:/t15-no
[[ $x == "*" ]] && PATH=$PATH:/t16-yes || PATH=$PATH:/t16-no
# a tilde in the pattern
[[ $HOME/x == ~/* ]] && PATH=$PATH:/t17-yes || PATH=$PATH:/t17-no
[[ $x == foo* && $y != bar ]] && PATH=$PATH:/t18-yes || PATH=$PATH:/t18-no
[[ ( $x == foo* ) ]] && PATH=$PATH:/t19-yes || PATH=$PATH:/t19-no
[[ $x == $y$y ]] && PATH=$PATH:/t20-yes || PATH=$PATH:/t20-no
# bash: $z's value is a pattern
[[ $x == $z ]] && PATH=$PATH:/t21-yes || PATH=$PATH:/t21-no
case $x in [Ff]oo*) PATH=$PATH:/c1-yes ;; *) PATH=$PATH:/c1-no ;; esac
case $x in @(bar|foo)bar) PATH=$PATH:/c2-yes ;; *) PATH=$PATH:/c2-no ;; esac
case $x in $y|bar) PATH=$PATH:/c3-a ;; $y*) PATH=$PATH:/c3-b ;; *) PATH=$PATH:/c3-no ;; esac
case $d in */local/*) PATH=$PATH:/c4-yes ;; *) PATH=$PATH:/c4-no ;; esac
case $d in "$HOME"/*|/usr/*) PATH=$PATH:/c5-yes ;; *) PATH=$PATH:/c5-no ;; esac
case $x in \*) PATH=$PATH:/c6-yes ;; *) PATH=$PATH:/c6-no ;; esac
export PATH
