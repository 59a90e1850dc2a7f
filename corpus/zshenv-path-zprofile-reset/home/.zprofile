# ~/.zprofile -- copied from a macOS guide: start from a clean, known PATH
export PATH="/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"
export PATH="$PATH:/usr/local/go/bin"
