# ~/.zshenv
. ~/.config/shell/env.sh
