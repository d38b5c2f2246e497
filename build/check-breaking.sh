#!/usr/bin/env bash
# Compares every spec with a git ref (default: the previous commit, HEAD~1) using Optic and fails on
# breaking changes, printing them. Review its output beside the approved API-surface snapshots.
#   build/check-breaking.sh [REF]      check the working tree against REF
#   build/check-breaking.sh --self-test   prove that a breaking edit fails and a compatible one passes
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
optic="$root/node_modules/.bin/optic"

check() { # ref, then run in the current directory
  local ref=$1 status=0 spec
  for spec in specs/*.yaml; do
    if ! git cat-file -e "$ref:$spec" 2>/dev/null; then echo "check-breaking: $spec is new since $ref"; continue; fi
    if out=$("$optic" diff "$spec" --base "$ref" --check 2>&1); then
      echo "check-breaking: $spec: no breaking changes since $ref"
    else
      echo "check-breaking: $spec: BREAKING changes since $ref:"; echo "$out" | grep -vE '^\s*$|--web flag' | sed 's/^/    /'
      status=1
    fi
  done
  return $status
}

if [ "${1:-}" != "--self-test" ]; then
  check "${1:-HEAD~1}"
  exit $?
fi

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/specs" && cp specs/pax8.yaml "$work/specs/" && cd "$work"
git init -q && git add . && git -c user.name=ci -c user.email=ci@localhost commit -qm base
edit() { node -e "const fs=require('fs'),y=require('$root/node_modules/js-yaml');const d=y.load(fs.readFileSync('specs/pax8.yaml','utf8'));($1)(d);fs.writeFileSync('specs/pax8.yaml',y.dump(d,{lineWidth:-1}));"; }

edit 'd => { d.components.schemas.Company.properties.nickname = { type: "string", description: "A new optional field." }; }'
check HEAD > compatible.log || { cat compatible.log; echo "check-breaking self-test: FAIL: a compatible change was reported as breaking"; exit 1; }
git checkout -q specs/pax8.yaml
edit 'd => { delete d.components.schemas.Company.properties.website; d.components.schemas.Company.required = d.components.schemas.Company.required.filter(n => n !== "website"); }'
if check HEAD > breaking.log; then cat breaking.log; echo "check-breaking self-test: FAIL: removing a response property was not reported"; exit 1; fi
grep -q "cannot remove response property 'website'" breaking.log || { cat breaking.log; echo "check-breaking self-test: FAIL: unexpected report"; exit 1; }
echo "check-breaking self-test: a compatible edit passes, removing Company.website fails as breaking"
