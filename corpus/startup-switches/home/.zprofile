# ~/.zprofile
export GOTOOLCHAIN=local
# Login shells started by a job runner must not read the interactive setup:
if [[ -n $CI_LOGIN ]]; then
  setopt NO_RCS
fi
