# ~/.asdf/asdf.sh -- corpus stand-in for asdf <= 0.15's loader (asdf is not
# installed here): put asdf's bin and shims directories in front of PATH, once.
export ASDF_DIR="${ASDF_DIR:-$HOME/.asdf}"
_asdf_bin="$ASDF_DIR/bin"
_asdf_shims="${ASDF_DATA_DIR:-$HOME/.asdf}/shims"
case ":$PATH:" in *":$_asdf_bin:"*) ;; *) PATH="$_asdf_bin:$PATH" ;; esac
case ":$PATH:" in *":$_asdf_shims:"*) ;; *) PATH="$_asdf_shims:$PATH" ;; esac
export PATH
unset _asdf_bin _asdf_shims
