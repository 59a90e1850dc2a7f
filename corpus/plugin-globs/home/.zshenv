# ~/.zshenv
# A plugin folder without (N): when ~/.zsh/env.d has no match, zsh reports
# "no matches found" and abandons the rest of this file.
export BEFORE_GLOB=1
for f in ~/.zsh/env.d/*.zsh; do source $f; done
export AFTER_GLOB=1
