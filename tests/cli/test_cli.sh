#!/bin/sh
# CLI checks for scholion convert/validate/stats (exit codes, messages, round trips).
# Usage: test_cli.sh PATH/TO/scholion PATH/TO/tests/data/formats
set -u
S="$1"
D="$2"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
failures=0
check() {  # check DESCRIPTION COMMAND...: the command must succeed
  desc="$1"; shift
  if "$@" >"$T/out" 2>"$T/err"; then echo "ok - $desc"; else
    echo "FAIL - $desc"; cat "$T/out" "$T/err"; failures=$((failures + 1)); fi
}
expect_rc() {  # expect_rc RC DESCRIPTION COMMAND...
  want="$1"; desc="$2"; shift 2
  "$@" >"$T/out" 2>"$T/err"; rc=$?
  if [ "$rc" -eq "$want" ]; then echo "ok - $desc"; else
    echo "FAIL - $desc (exit $rc, wanted $want)"; cat "$T/out" "$T/err"; failures=$((failures + 1)); fi
}
contains() {  # contains DESCRIPTION FILE TEXT
  if grep -qF -- "$3" "$2"; then echo "ok - $1"; else
    echo "FAIL - $1: '$3' not in $2"; cat "$2"; failures=$((failures + 1)); fi
}

expect_rc 0 "overall --help" "$S" --help
contains "help lists subcommands" "$T/out" "validate"
expect_rc 2 "no arguments is a usage error" "$S"
expect_rc 2 "unknown command" "$S" frobnicate
for c in convert validate stats; do
  expect_rc 0 "$c --help" "$S" $c --help
  contains "$c help shows usage" "$T/out" "Usage: scholion $c"
done
expect_rc 2 "convert without OUT" "$S" convert "$D/brat/story.ann"
expect_rc 2 "unknown --to" "$S" convert "$D/brat/story.ann" "$T/x" --to xml
expect_rc 2 "unknown --scheme" "$S" convert "$D/brat/story.ann" "$T/x.conll" --scheme bilou

# validate: valid files exit 0, invalid ones 1 with file:line:col lines.
expect_rc 0 "validate brat" "$S" validate "$D/brat/story.ann"
contains "validate summary" "$T/out" "valid brat (1 documents, 11 spans, 2 relations)"
expect_rc 0 "validate doccano" "$S" validate "$D/doccano/sample.jsonl"
expect_rc 0 "validate label studio" "$S" validate "$D/labelstudio/tasks.json"
expect_rc 0 "validate conll" "$S" validate "$D/conll/conll2003.conll"
printf 'hello world' > "$T/bad.txt"
printf 'T1\tPerson 0 5\thello\nT2\tPerson 6 99\tworld\n' > "$T/bad.ann"
expect_rc 1 "validate rejects an offset beyond the text" "$S" validate "$T/bad.ann"
contains "problem names file:line:col" "$T/out" "$T/bad.ann:2:1: T2: span end 99 is beyond the text"
printf '{"text":"abc","label":[[0,1,"A"]]}\n{"text":"abc","label":[[0,9,"A"]]}\n' > "$T/bad.jsonl"
expect_rc 1 "validate rejects bad doccano" "$S" validate "$T/bad.jsonl"
contains "doccano problem has its line" "$T/out" "$T/bad.jsonl:2:1: /label/0"
expect_rc 1 "validate of a missing file" "$S" validate "$T/none.ann"
printf '[entities]\nPerson\n' > "$T/annotation.conf"
printf 'T1\tPlace 0 5\thello\n' > "$T/bad.ann"
expect_rc 0 "unknown label is a warning" "$S" validate "$T/bad.ann"
contains "warning line" "$T/out" "warning: span label 'Place' is not in the schema"
expect_rc 1 "--strict turns warnings into invalid" "$S" validate --strict "$T/bad.ann"

# convert: round trips and warnings.
check "conll -> json" "$S" convert "$D/conll/conll2003.conll" "$T/c.json"
check "json -> conll" "$S" convert "$T/c.json" "$T/c.conll"
check "conll round trip is byte-identical" cmp "$T/c.conll" "$D/conll/conll2003.conll"
expect_rc 0 "brat -> conll" "$S" convert "$D/brat/story.ann" "$T/story.conll"
contains "left-out spans are warned about" "$T/err" 'warning: story.txt: span T11 [Location] "Beijing" left out: overlaps T5'
check "brat -> json" "$S" convert "$D/brat/story.ann" "$T/story.json"
check "json -> brat .ann" "$S" convert "$T/story.json" "$T/rt/story.ann" --from scholion
check "brat round trip: text" cmp "$T/rt/story.txt" "$D/brat/story.txt"
sed 's/^[AM#][0-9]*\t/X\t/' "$D/brat/story.ann" | sort > "$T/a"
sed 's/^[AM#][0-9]*\t/X\t/' "$T/rt/story.ann" | sort > "$T/b"
check "brat round trip: same annotation lines" cmp "$T/a" "$T/b"
check "brat folder -> folder" "$S" convert "$D/brat" "$T/folder/"
check "folder has the conf" test -f "$T/folder/annotation.conf"
check "brat -> label studio" "$S" convert "$D/brat/story.ann" "$T/ls.json" --to labelstudio
check "label studio -> doccano" "$S" convert "$T/ls.json" "$T/d.jsonl" --from labelstudio
check "brat -> web annotation" "$S" convert "$D/brat/story.ann" "$T/w.jsonld"
contains "web annotation collection" "$T/w.jsonld" '"AnnotationCollection"'
expect_rc 1 "web annotation cannot be read" "$S" convert "$T/w.jsonld" "$T/x.json"

# stats
expect_rc 0 "stats" "$S" stats "$D/doccano/sample.jsonl"
contains "stats counts documents" "$T/out" "documents: 3"
contains "stats counts labels" "$T/out" "PER"
expect_rc 0 "stats --json" "$S" stats --json "$D/labelstudio/tasks.json"
contains "stats json" "$T/out" '"spansPerLabel"'

if [ "$failures" -ne 0 ]; then echo "$failures CLI checks failed"; exit 1; fi
echo "all CLI checks passed"
