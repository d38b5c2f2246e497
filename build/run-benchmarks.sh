#!/usr/bin/env bash
# Runs every performance measurement of docs/performance.md:
#   1. BenchmarkDotNet micro-benchmarks (tests/Tessera.Benchmarks): small GET, page of 1,000, form POST, signed POST,
#      auth hot paths, Smartex signing, paging throughput; ratios to a hand-written HttpClient + System.Text.Json baseline;
#   2. the paging-memory run (100,000 items over 100 pages; fails when memory grows with the number of pages);
#   3. build timing: no-op build with generation on vs off, and one-line spec edit -> rebuilt client (medians);
#   4. the load run: 1,000 callers for 60 s against the sandbox on loopback, and the rate limiter's queue.
#
# Usage:
#   build/run-benchmarks.sh                 everything (about 15-20 minutes on a 2-core machine)
#   build/run-benchmarks.sh --quick         only checks that everything executes (under 2 minutes; used by CI)
#   build/run-benchmarks.sh --only micro|paging|build|load [--runs N] [-- <BenchmarkDotNet args, e.g. --filter '*SmallGet*'>]
#   build/run-benchmarks.sh --write-docs ...   also writes every measured table into docs/performance.md, each between
#                                              its own <!-- NAME:begin --> and <!-- NAME:end --> markers, and each only
#                                              by the part that measured it:
#                                                micro:  peers-table (the three peers classes), micro-results (every
#                                                        other BenchmarkDotNet report of the run)
#                                                paging: paging-memory     build: build-timing     load: load-run
#                                              so a full run (no --only) rewrites them all from one run. A missing
#                                              marker fails the run before anything is measured.
#   With --quick, --write-docs leaves docs/performance.md alone (quick numbers are not measurements); PERF_DOC=FILE
#   names another file to write into instead (to test the writer), with or without --quick.
# Results: artifacts/benchmarks/ (BenchmarkDotNet markdown tables, peers.md, paging-memory.md, build-timing.md, load.md).
set -euo pipefail
perf_doc=${PERF_DOC:+$(realpath -m -- "$PERF_DOC")}   # before the cd: relative to the caller's directory
cd "$(dirname "$0")/.."
root=$(pwd)
out=$root/artifacts/benchmarks
project=tests/Tessera.Benchmarks/Tessera.Benchmarks.csproj
dll=tests/Tessera.Benchmarks/bin/Release/net10.0/Tessera.Benchmarks.dll

quick=false
write_docs=false
only=all
runs=5
bdn_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --write-docs) write_docs=true ;;
    --only) only=$2; shift ;;
    --runs) runs=$2; shift ;;
    --) shift; bdn_args=("$@"); break ;;
    *) echo "run-benchmarks: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
start_load=$(cut -d' ' -f1-3 /proc/loadavg)

log() { echo "run-benchmarks: $*" >&2; }

# The file --write-docs writes into (empty: none). With --quick only PERF_DOC, and never docs/performance.md itself.
doc=
if $write_docs; then
  doc=${perf_doc:-$root/docs/performance.md}
  if $quick && [ "$doc" -ef "$root/docs/performance.md" ]; then
    log "--quick: not writing docs/performance.md (quick numbers are not measurements; PERF_DOC=FILE writes into FILE)"
    doc=
  elif [ ! -f "$doc" ]; then
    log "FAIL: --write-docs: no file $doc"; exit 1
  fi
fi

# The blocks of docs/performance.md that each part writes.
blocks_of() {
  case "$1" in
    micro) echo "peers-table micro-results" ;;
    paging) echo "paging-memory" ;;
    build) echo "build-timing" ;;
    load) echo "load-run" ;;
  esac
}

# Fails unless the docs file has the marker pair of block $1 on lines of their own, once each, begin before end.
check_markers() {
  local name=$1 begin end
  begin=$(grep -cxF -- "<!-- $name:begin -->" "$doc" || true)
  end=$(grep -cxF -- "<!-- $name:end -->" "$doc" || true)
  [ "$begin" -gt 0 ] || { log "FAIL: $doc has no <!-- $name:begin --> marker"; exit 1; }
  [ "$end" -gt 0 ] || { log "FAIL: $doc has no <!-- $name:end --> marker"; exit 1; }
  if [ "$begin" -gt 1 ] || [ "$end" -gt 1 ]; then log "FAIL: $doc has more than one <!-- $name:begin --> or <!-- $name:end --> marker"; exit 1; fi
  begin=$(grep -nxF -- "<!-- $name:begin -->" "$doc" | cut -d: -f1)
  end=$(grep -nxF -- "<!-- $name:end -->" "$doc" | cut -d: -f1)
  [ "$begin" -lt "$end" ] || { log "FAIL: $doc has <!-- $name:end --> before <!-- $name:begin -->"; exit 1; }
}

# write_block NAME FILE: replaces everything from <!-- NAME:begin --> to <!-- NAME:end --> (whole lines) in the docs
# file with the markers, the "written by" and run lines, and FILE's content. Nothing outside the markers changes.
write_block() {
  local name=$1 content=$2 block note=
  [ -n "$doc" ] || return 0
  check_markers "$name"
  $quick && note=" Quick run: not measurements."
  block=$(mktemp)
  { echo "<!-- $name:begin -->"; echo "<!-- Written by build/run-benchmarks.sh --write-docs; do not edit by hand. -->"; echo
    echo "Run of $(date -u '+%Y-%m-%d %H:%M') UTC; $(nproc) cores; load $start_load when started, $(cut -d' ' -f1-3 /proc/loadavg) when written (1, 5, 15 min).$note"; echo
    cat "$content"; echo; echo "<!-- $name:end -->"; } > "$block"
  awk -v begin="<!-- $name:begin -->" -v end="<!-- $name:end -->" -v block="$block" '
    $0 == begin { while ((getline line < block) > 0) print line; skip = 1; next }
    $0 == end { skip = 0; next }
    !skip { print }' "$doc" > "$doc.tmp" && mv "$doc.tmp" "$doc"
  rm -f "$block"
  log "wrote $name into $doc"
}

# Drops the leading and trailing blank lines of its input.
trim_blank_lines() { awk 'NF { if (seen) while (blank-- > 0) print ""; blank = 0; seen = 1; print; next } { blank++ }'; }
machine() {
  echo "- Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GB RAM"
  echo "- .NET SDK $(dotnet --version); $(uname -sr)"
  echo "- Load when started: $start_load (1, 5, 15 min)"
}

# The peers table: every variant of the three peer classes (baseline, ours, Refit, Kiota, stock NSwag) from one
# BenchmarkDotNet run each, from its markdown report. Ratios are BenchmarkDotNet's (variant / hand-written
# baseline, same run); "ours ÷ variant" is the full handler chain's mean over the variant's mean (< 1: ours faster).
peers_table() {
  local results=$1 case class file
  echo "| Case | Variant | Mean | Allocated | Time ratio | Alloc ratio | Ours (full chain) ÷ this |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  for case in "SmallGetBenchmarks:Small GET (Pax8 findCompanyById)" "CompanyPageBenchmarks:Page of 1,000 (Pax8 findCompanies)" "FormPostBenchmarks:Form POST (SmartPay create_consumer)"; do
    class=${case%%:*}
    file=$(ls "$results"/*."$class"-report-github.md 2>/dev/null | head -1)
    [ -n "$file" ] || { echo "| ${case#*:} | (not run) | | | | | |"; continue; }
    awk -F'|' -v name="${case#*:}" '
      function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
      function clean(s) { s = trim(s); gsub(/&#39;|\*\*|\x27/, "", s); return s }
      function ns(s,   v, u) { s = clean(s); gsub(/,/, "", s); split(s, p, " "); v = p[1] + 0; u = p[2];
        if (u == "us" || u == "μs") v *= 1000; else if (u == "ms") v *= 1000000; else if (u == "s") v *= 1000000000; return v }
      /^\| *Method/ { for (i = 2; i < NF; i++) col[trim($i)] = i; next }
      /^\|[-: |]+$/ { next }
      /^\|/ && ("Method" in col) {
        n++; m[n] = clean($col["Method"]); mean[n] = clean($col["Mean"]); alloc[n] = clean($col["Allocated"])
        ratio[n] = ("Ratio" in col) ? clean($col["Ratio"]) : ""; aratio[n] = ("Alloc Ratio" in col) ? clean($col["Alloc Ratio"]) : ""
        if (m[n] ~ /full handler chain/) ours = ns(mean[n])
      }
      END {
        for (i = 1; i <= n; i++) {
          v = ns(mean[i]); rel = (ours > 0 && v > 0) ? sprintf("%.2f", ours / v) : ""
          label = m[i]; if (label ~ /full handler chain/) label = "**" label "**"
          printf "| %s | %s | %s | %s | %s | %s | %s |\n", (i == 1 ? name : ""), label, mean[i], alloc[i], ratio[i], aratio[i], rel
        }
      }' "$file"
  done
}

write_peers() {
  local results=$1 title=$2 table
  table=$(mktemp)
  peers_table "$results" > "$table"
  { echo "# $title"; echo; machine; echo "- Load when the table was written: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"; echo; cat "$table"; } > "$out/peers.md"
  log "peers table: $out/peers.md"
  write_block peers-table "$table"
  rm -f "$table"
}

# Titles of the micro-results sections, in their order; a class not listed comes after them under its own name.
micro_titles=(
  "SignedPostBenchmarks:Signed POST (Smartex \`createInvoice\`)"
  "AuthHotPathBenchmarks:Auth hot paths alone (each handler against the same request without it)"
  "SigningBenchmarks:Smartex signing: one signature over URL + body"
  "PagingBenchmarks:Paging throughput: every company of N pages of 1,000"
  "RedactionBenchmarks:Redacting one 4 KB response body"
)
peers_classes=" SmallGetBenchmarks CompanyPageBenchmarks FormPostBenchmarks "

# One BenchmarkDotNet github report as a table: without the environment block (the ``` block), with the columns before
# Mean (method, categories, parameters) but not job characteristics, and Mean, Error, StdDev, Ratio, Allocated,
# Alloc Ratio; BenchmarkDotNet's quotes around descriptions and bold parameter-change rows dropped.
bdn_table() {
  awk -F'|' '
    function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
    function clean(s) { s = trim(s); gsub(/&#39;|\*\*/, "", s); return s }
    function row(   i, line) { line = "|"; for (i = 2; i < NF; i++) if (keep[i]) line = line " " clean($i) " |"; print line }
    /^```/ { code = !code; next }
    code || !/^\|/ { next }
    !header {
      header = 1; mean = NF
      for (i = 2; i < NF; i++) if (trim($i) == "Mean") mean = i
      for (i = 2; i < NF; i++) {
        c = trim($i)
        if (i < mean) keep[i] = c !~ /^(Job|Toolchain|Runtime|Platform|Jit|IterationCount|WarmupCount|LaunchCount|RunStrategy|UnrollFactor|InvocationCount|MinIterationCount|MaxIterationCount|MinWarmupIterationCount|MaxWarmupIterationCount)$/
        else keep[i] = c ~ /^(Mean|Error|StdDev|Ratio|Allocated|Alloc Ratio)$/
      }
      row(); next
    }
    !separator {
      separator = 1; line = "|"
      for (i = 2; i < NF; i++) if (keep[i]) line = line (trim($i) ~ /:$/ ? "---:|" : "---|")
      print line; next
    }
    { row() }'
}

# The benchmark class of a report: .../Tessera.Benchmarks.Benchmarks.SigningBenchmarks-report-github.md -> SigningBenchmarks
report_class() { local name; name=$(basename "$1" -report-github.md); echo "${name##*.}"; }

# micro-results: every BenchmarkDotNet report in $1 written since the stamp file $2, except the peers classes' (they
# are the peers table), each under a heading; none (a --filter of peers only): the block is left as it was.
write_micro_results() {
  local results=$1 stamp=$2 content entry class file found=() listed=" "
  content=$(mktemp)
  while IFS= read -r file; do found+=("$file"); done < <(find "$results" -maxdepth 1 -name '*-report-github.md' -newer "$stamp" | sort)
  for entry in "${micro_titles[@]}"; do
    class=${entry%%:*}
    for file in "${found[@]}"; do
      [ "$(report_class "$file")" = "$class" ] || continue
      { echo "#### ${entry#*:} — \`$class\`"; echo; bdn_table < "$file"; echo; } >> "$content"
      listed="$listed$class "
    done
  done
  for file in "${found[@]}"; do
    class=$(report_class "$file")
    case "$peers_classes$listed" in *" $class "*) continue ;; esac
    { echo "#### \`$class\`"; echo; bdn_table < "$file"; echo; } >> "$content"
  done
  if [ -s "$content" ]; then
    trim_blank_lines < "$content" > "$content.t" && mv "$content.t" "$content"
    write_block micro-results "$content"
  elif [ -n "$doc" ]; then
    log "no BenchmarkDotNet report in this run besides the peers': micro-results left as it was"
  fi
  rm -f "$content"
}

build_benchmarks() {
  log "building $project (Release)"
  dotnet build "$project" -c Release -nologo -v:q -p:TreatWarningsAsErrors=true > "$out/benchmarks-build.log" 2>&1 \
    || { tail -30 "$out/benchmarks-build.log"; exit 1; }
}

run_micro() {
  local args=(--filter '*') stamp
  [ ${#bdn_args[@]} -gt 0 ] && args=("${bdn_args[@]}")
  stamp=$(mktemp)   # reports newer than this are this run's (the results folder keeps older runs' reports)
  if $quick; then
    log "micro-benchmarks, quick (one in-process invocation each)"
    dotnet "$dll" --quick "${args[@]}" --artifacts "$out/quick" > "$out/quick.log" 2>&1 \
      || { tail -40 "$out/quick.log"; log "FAIL: a benchmark did not run"; exit 1; }
    grep -q "executed benchmarks" "$out/quick.log" || { log "FAIL: BenchmarkDotNet ran nothing"; exit 1; }
    write_peers "$out/quick/results" "Peers (quick run: one invocation each, times are not measurements)"
    write_micro_results "$out/quick/results" "$stamp"
  else
    log "micro-benchmarks (warmup 3, iterations 10, in-process, MemoryDiagnoser); load $(cut -d' ' -f1 /proc/loadavg)"
    dotnet "$dll" "${args[@]}" --artifacts "$out/bdn" > "$out/micro.log" 2>&1 \
      || { tail -40 "$out/micro.log"; exit 1; }
    { echo "# Micro-benchmarks"; echo; machine; echo;
      for f in "$out"/bdn/results/*-report-github.md; do echo "## $(basename "$f" -report-github.md)"; echo; cat "$f"; echo; done; } > "$out/micro.md"
    log "tables: $out/micro.md"
    write_peers "$out/bdn/results" "Peers: our client against Refit, Kiota and stock NSwag"
    write_micro_results "$out/bdn/results" "$stamp"
  fi
  rm -f "$stamp"
}

run_paging() {
  local pages=(10 100)
  $quick && pages=(2 5)
  log "paging memory (${pages[*]} pages of 1,000)"
  { echo "# Paging memory"; echo; machine; echo; dotnet "$dll" paging-memory "${pages[@]}"
    # Again with a fixed 4 MB gen0 budget: the unforced high-water then shows what the GC's own budget hid.
    echo; echo "## With DOTNET_GCgen0size=0x400000 (4 MB gen0 budget)"; echo
    DOTNET_GCgen0size=0x400000 dotnet "$dll" paging-memory "${pages[@]}"; } > "$out/paging-memory.md" \
    || { cat "$out/paging-memory.md"; log "FAIL: paging memory check"; exit 1; }
  tail -1 "$out/paging-memory.md" >&2
  # paging-memory block: paging-memory.md without its title and machine lines; its ## headings become #### (the block
  # sits under a ### heading).
  local content; content=$(mktemp)
  awk 'NR == 1 && /^# / { next } /^- (Machine: |\.NET SDK |Load when started: )/ { next } { sub(/^## /, "#### "); print }' \
    "$out/paging-memory.md" | trim_blank_lines > "$content"
  write_block paging-memory "$content"
  rm -f "$content"
}

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

run_build() {
  if $quick; then
    # Only proves the measurement commands work: one no-op build of the Pax8 client each way, in place.
    log "build timing, quick (one no-op build of Tessera.Pax8 with and without generation)"
    dotnet build src/Tessera.Pax8/Tessera.Pax8.csproj -nologo -v:q > /dev/null
    local start; start=$(date +%s%N)
    dotnet build src/Tessera.Pax8/Tessera.Pax8.csproj --no-restore -nologo -v:q > /dev/null
    local on; on=$(ms "$start")
    start=$(date +%s%N)
    dotnet build src/Tessera.Pax8/Tessera.Pax8.csproj --no-restore -nologo -v:q -p:OpenApiGenerateOnBuild=false > /dev/null
    local off; off=$(ms "$start")
    log "no-op build of Tessera.Pax8: ${on} ms with generation, ${off} ms without"
    {
      echo "# Build timing (quick: one no-op build of Tessera.Pax8 each way, not measurements)"; echo; machine; echo
      echo "| Measurement | Median of 1 | Runs (ms) |"
      echo "|---|---:|---|"
      echo "| No-op \`dotnet build src/Tessera.Pax8\`, generation enabled | ${on} ms | ${on} |"
      echo "| No-op \`dotnet build src/Tessera.Pax8 -p:OpenApiGenerateOnBuild=false\` | ${off} ms | ${off} |"
      echo "| Ratio enabled / disabled | $(awk "BEGIN {printf \"%.2f\", $on / ($off > 0 ? $off : 1)}") | |"
    } > "$out/build-timing.md"
    write_build_timing
    return
  fi

  # In a scratch copy of the working tree, so that the spec edits never meet another build or test run here.
  local scratch; scratch=$(mktemp -d /tmp/generated-build-timing.XXXXXX)
  trap 'rm -rf "$scratch"' RETURN
  log "build timing in $scratch ($runs runs each)"
  tar -C "$root" --exclude=./node_modules --exclude=./artifacts --exclude='*/bin' --exclude='*/obj' -cf - . | tar -C "$scratch" -xf -
  cd "$scratch"
  dotnet build Generated.sln -nologo -v:q > "$out/build-timing.log" 2>&1 || { tail -30 "$out/build-timing.log"; exit 1; }

  local on=() off=() edit=() i start
  for i in $(seq "$runs"); do
    start=$(date +%s%N); dotnet build Generated.sln --no-restore -nologo -v:q > /dev/null; on+=("$(ms "$start")")
    start=$(date +%s%N); dotnet build Generated.sln --no-restore -nologo -v:q -p:OpenApiGenerateOnBuild=false > /dev/null; off+=("$(ms "$start")")
  done

  # One-line spec edit (an operation summary, which lands in the generated XML docs) -> rebuilt Pax8 client.
  cp specs/pax8.yaml "$scratch/pax8.yaml.orig"
  for i in $(seq "$runs"); do
    sed -i "s/^      summary: Get company by ID.*/      summary: Get company by ID (edit $i)/" specs/pax8.yaml
    start=$(date +%s%N)
    dotnet build src/Tessera.Pax8/Tessera.Pax8.csproj --no-restore -nologo -v:n > "$out/build-edit.log" 2>&1
    edit+=("$(ms "$start")")
    grep -q "OpenApi: generating Pax8Client " "$out/build-edit.log" || { log "FAIL: the spec edit did not regenerate Pax8Client"; exit 1; }
    grep -q "Get company by ID (edit $i)" src/Tessera.Pax8/obj/Generated/Pax8Client.g.cs || { log "FAIL: the edit is not in the generated client"; exit 1; }
  done
  cp "$scratch/pax8.yaml.orig" specs/pax8.yaml
  cd "$root"

  local m_on m_off m_edit
  m_on=$(printf '%s\n' "${on[@]}" | median)
  m_off=$(printf '%s\n' "${off[@]}" | median)
  m_edit=$(printf '%s\n' "${edit[@]}" | median)
  {
    echo "# Build timing"; echo; machine; echo
    echo "| Measurement | Median of $runs | Runs (ms) |"
    echo "|---|---:|---|"
    echo "| No-op \`dotnet build Generated.sln\`, generation enabled | ${m_on} ms | ${on[*]} |"
    echo "| No-op \`dotnet build Generated.sln -p:OpenApiGenerateOnBuild=false\` | ${m_off} ms | ${off[*]} |"
    echo "| Ratio enabled / disabled | $(awk "BEGIN {printf \"%.2f\", $m_on / $m_off}") | |"
    echo "| One-line edit of specs/pax8.yaml → \`dotnet build src/Tessera.Pax8\` (regenerate + compile) | ${m_edit} ms | ${edit[*]} |"
  } > "$out/build-timing.md"
  cat "$out/build-timing.md" >&2
  write_build_timing
}

# build-timing block: the table of build-timing.md.
write_build_timing() {
  local content; content=$(mktemp)
  grep '^|' "$out/build-timing.md" > "$content"
  write_block build-timing "$content"
  rm -f "$content"
}

# The throughput load run (Measurements/LoadRun.cs): 1,000 callers for 60 s against the sandbox on loopback;
# --quick: 50 callers for 3 s (about 15 s in all); alone: --only load. Writes load.md.
run_load() {
  local args=(--out "$out/load.md")
  $quick && args+=(--quick)
  log "load run$($quick && echo ' (quick)'); load $(cut -d' ' -f1 /proc/loadavg)"
  dotnet "$dll" load "${args[@]}" > "$out/load.log" 2>&1 \
    || { tail -60 "$out/load.log"; log "FAIL: load run"; exit 1; }
  cat "$out/load.md" >&2
  # load-run block: load.md without its title; its ## headings become #### (the block sits under a ### heading).
  local content; content=$(mktemp)
  awk 'NR == 1 && /^# / { next } { sub(/^## /, "#### "); print }' "$out/load.md" | trim_blank_lines > "$content"
  write_block load-run "$content"
  rm -f "$content"
}

case "$only" in
  all) parts=(micro paging build load) ;;
  micro|paging|build|load) parts=("$only") ;;
  *) echo "run-benchmarks: --only micro|paging|build|load" >&2; exit 2 ;;
esac
# Every marker the run will write must be there before anything is measured (not found out after 20 minutes).
if [ -n "$doc" ]; then
  for part in "${parts[@]}"; do for block in $(blocks_of "$part"); do check_markers "$block"; done; done
fi
build_benchmarks
for part in "${parts[@]}"; do "run_$part"; done
log "done; results in $out"
