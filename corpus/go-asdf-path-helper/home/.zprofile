# ~/.zprofile -- Intel Homebrew
eval "$(/usr/local/bin/brew shellenv)"
