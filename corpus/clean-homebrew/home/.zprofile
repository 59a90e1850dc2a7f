# ~/.zprofile -- as the Homebrew installer's "Next steps" say
eval "$(/opt/homebrew/bin/brew shellenv)"
