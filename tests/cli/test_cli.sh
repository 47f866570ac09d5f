#!/bin/sh
# CLI checks for scholion convert/validate/stats/grade/agree/suggest (exit codes, messages, figures).
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
check "brat folder -> one .zip" "$S" convert "$D/brat" "$T/corpus.zip"
contains "zip starts with a local file header" "$T/corpus.zip" "PK"
check "zip -> brat folder" "$S" convert "$T/corpus.zip" "$T/unzipped/"
check "zip round trip: text" cmp "$T/unzipped/story.txt" "$D/brat/story.txt"
sed 's/^[AM#][0-9]*\t/X\t/' "$T/unzipped/story.ann" | sort > "$T/c"
check "zip round trip: same annotation lines" cmp "$T/a" "$T/c"
expect_rc 0 "validate reads a zip" "$S" validate "$T/corpus.zip"
contains "zip validates as brat" "$T/out" "valid brat (2 documents, 11 spans, 2 relations)"
head -c 100 "$T/corpus.zip" > "$T/cut.zip"
expect_rc 1 "a cut-short zip is refused" "$S" validate "$T/cut.zip"
contains "the zip's problem is named" "$T/out" "$T/cut.zip: not a zip archive"
check "brat -> label studio" "$S" convert "$D/brat/story.ann" "$T/ls.json" --to labelstudio
check "label studio -> doccano" "$S" convert "$T/ls.json" "$T/d.jsonl" --from labelstudio
check "brat -> web annotation" "$S" convert "$D/brat/story.ann" "$T/w.jsonld"
contains "web annotation collection" "$T/w.jsonld" '"AnnotationCollection"'
expect_rc 1 "web annotation cannot be read" "$S" convert "$T/w.jsonld" "$T/x.json"
check "web annotation with a base IRI" "$S" convert "$D/brat/story.ann" "$T/b.jsonld" \
  --base-iri "tag:scholion.test,2026:c/"
contains "documents named by the base IRI" "$T/b.jsonld" '"source": "tag:scholion.test,2026:c/story.txt"'
expect_rc 1 "a relative base IRI is refused" "$S" convert "$D/brat/story.ann" "$T/c.jsonld" \
  --base-iri "c/"
contains "the base IRI problem is named" "$T/err" "not an absolute IRI"

# brat: configurations brat only warns about open with warnings; brat-survey counts a tree.
mkdir -p "$T/corpus/sub"
printf 'PU.1 binds' > "$T/corpus/sub/a.txt"
printf 'T1\tProtein 0 4\tPU.1\n' > "$T/corpus/sub/a.ann"
printf '[spans]\nProtein\n----\n[colours]\nx\n' > "$T/corpus/annotation.conf"
check "brat folder with a configuration one level up" "$S" convert "$T/corpus/sub" "$T/o.json"
contains "its warning is printed" "$T/err" "warning: "
contains "the unknown section is named" "$T/err" "unexpected section [colours]"
expect_rc 0 "brat-survey" "$S" brat-survey "$T/corpus"
contains "brat-survey counts the corpus" "$T/out" "1 documents, 1 spans, 0 relations"
contains "brat-survey totals (the corpus and the lone annotation.conf)" "$T/out" "total: 2 folders (0 failed)"
printf '[entities]\n\tOrphan\n' > "$T/corpus/annotation.conf"
mkdir -p "$T/conf" && printf '[entities]\n<ANY>=A\n' > "$T/conf/annotation.conf"
expect_rc 1 "brat-survey fails on a configuration brat refuses" "$S" brat-survey "$T/conf"
contains "the refused line is named" "$T/out" "annotation.conf:2: <ANY> is a reserved name"

# stats
expect_rc 0 "stats" "$S" stats "$D/doccano/sample.jsonl"
contains "stats counts documents" "$T/out" "documents: 3"
contains "stats counts labels" "$T/out" "PER"
expect_rc 0 "stats --json" "$S" stats --json "$D/labelstudio/tasks.json"
contains "stats json" "$T/out" '"spansPerLabel"'

# grade / agree on tests/data/classroom: "Ann met Bob in Rome today." (7 tokens with the "."),
# key: Person Ann, Person Bob, GPE Rome. Figures worked out by hand:
#  Alice: Person Ann, GPE Bob (wrong label), GPE Rome -> exact tp 2 fp 1 fn 1: P = R = F1 = 2/3;
#    overlap the same (labels must agree); macro F1 = mean(Person 2/3, GPE 2/3) = 0.667.
#  Bob: Person Ann, Person "Bob in" (boundaries), Date today (extra) -> exact tp 1 fp 2 fn 2:
#    1/3; overlap tp 2 fp 1 fn 1: 2/3; macro = mean(Person .5, GPE 0, Date 0) = 0.167.
#  Alice vs Bob, token labels: A = P O G O G O O, B = P O P P O D O; observed 3/7.
#    Cohen: chance (1*3 + 4*3)/49 = 15/49 -> kappa = (21-15)/(49-15) = 6/34 = 0.176.
#    Fleiss (pooled P4 O7 G2 D1 of 14): chance 70/196 -> (3/7 - 70/196)/(1 - 70/196) = 1/9.
#    Krippendorff: 1 - 13 * 8 / (196 - 70) = 22/126 = 0.175. Span F1: 1 match of 3 + 3 = 0.333.
C="$D/../classroom"
for c in grade agree; do
  expect_rc 0 "$c --help" "$S" $c --help
  contains "$c help shows usage" "$T/out" "Usage: scholion $c"
done
expect_rc 2 "grade needs a student file" "$S" grade "$C/key.json"
expect_rc 2 "agree without files" "$S" agree
expect_rc 0 "grade two students" "$S" grade "$C/key.json" "$C/alice.json" "$C/bob.json"
contains "grade table header" "$T/out" "student  docs  exact P  exact R  exact F1  ovl P  ovl R  ovl F1  macro F1  rel F1"
contains "grade table: Alice" "$T/out" "Alice    1     0.667    0.667    0.667     0.667  0.667  0.667   0.667     -"
contains "grade table: Bob" "$T/out" "Bob      1     0.333    0.333    0.333     0.667  0.667  0.667   0.167     -"
expect_rc 0 "grade --per-label" "$S" grade "$C/key.json" "$C/alice.json" --per-label
contains "per-label GPE row" "$T/out" "GPE                 1    2      0.500    1.000    0.667     0.667"
contains "per-label Person row" "$T/out" "Person              2    1      1.000    0.500    0.667     0.667"
expect_rc 0 "grade --csv" "$S" grade "$C/key.json" "$C/alice.json" "$C/bob.json" --csv
contains "grades csv header" "$T/out" "student,documents,exact_precision,exact_recall,exact_f1,overlap_precision,overlap_recall,overlap_f1,exact_macro_f1"
contains "grades csv: Alice" "$T/out" "Alice,1,0.6667,0.6667,0.6667,0.6667,0.6667,0.6667,0.6667,0.6667,1.0000,"
contains "grades csv: Bob" "$T/out" "Bob,1,0.3333,0.3333,0.3333,0.6667,0.6667,0.6667,0.1667,0.3333,0.3333,"
check "grades csv has a header and one row per student" test "$(wc -l < "$T/out")" -eq 3
expect_rc 0 "grade --csv --out" "$S" grade "$C/key.json" "$C/bob.json" --csv --out "$T/g.csv"
contains "grades csv file" "$T/g.csv" "Bob,1,0.3333,"
expect_rc 1 "grade with a missing student file" "$S" grade "$C/key.json" "$C/alice.json" "$T/none.json"
contains "missing file is named" "$T/err" "none.json"
check "nothing printed when a file is missing" test ! -s "$T/out"
expect_rc 1 "grade with a missing key" "$S" grade "$T/none.json" "$C/alice.json"
expect_rc 1 "grade a student file for a different text" "$S" grade "$C/key.json" "$C/other-text.json"
contains "different text is said" "$T/err" "different text"
printf 'not json' > "$T/broken.json"
expect_rc 1 "grade a broken student file" "$S" grade "$C/key.json" "$T/broken.json"
expect_rc 0 "agree two students" "$S" agree "$C/alice.json" "$C/bob.json"
contains "agree: tokens" "$T/out" "Annotators: 2   documents: 1   tokens: 7"
contains "agree: Fleiss" "$T/out" "Fleiss' kappa (tokens):          0.111"
contains "agree: alpha" "$T/out" "Krippendorff's alpha (nominal):  0.175"
contains "agree: Cohen" "$T/out" "Mean pairwise Cohen's kappa:     0.176"
contains "agree: span F1" "$T/out" "Span F1 over all pairs:          exact 0.333, overlap 0.333"
contains "agree: pair row" "$T/out" "Alice     Bob       0.176   0.333     0.333"
expect_rc 0 "agree --csv" "$S" agree "$C/alice.json" "$C/bob.json" --csv
contains "agree csv header" "$T/out" "annotator_a,annotator_b,cohen_kappa,kappa_defined,exact_span_f1,overlap_span_f1"
contains "agree csv row" "$T/out" "Alice,Bob,0.1765,yes,0.3333,0.3333"
expect_rc 1 "agree with a missing file" "$S" agree "$C/alice.json" "$T/none.json"
expect_rc 0 "agree across different texts warns" "$S" agree "$C/alice.json" "$C/other-text.json"
contains "a document not in every file is skipped" "$T/err" "is not in every file: skipped"

# suggest: train on annotated documents (CoNLL here), pre-annotate others, save and reuse a model.
: > "$T/train.conll"
for a in Kato Lemi Rusa Tebo Vine Sadu Mora Neli Bira Dupo Kesa Lotu; do
  for b in Anvo Belu Cira Doma Efti; do
    printf 'Mr. O\n%s B-PER\n%s I-PER\nmet O\nthe O\nminister O\nin O\n%sburg B-LOC\n. O\n\n' "$a" "$b" "$b" >> "$T/train.conll"
  done
done
printf 'Yesterday Mr. Kato Anvo met the minister in Zelburg. Mr. Quila Parno met the minister in Doma.\n' > "$T/new.txt"
expect_rc 0 "suggest --help" "$S" suggest --help
contains "suggest help shows usage" "$T/out" "Usage: scholion suggest MODEL_OR_WORKSPACE IN OUT"
expect_rc 2 "suggest without OUT" "$S" suggest "$T/train.conll" "$T/new.txt"
expect_rc 0 "suggest: train on CoNLL, pre-annotate a text" "$S" suggest "$T/train.conll" "$T/new.txt" "$T/sug.json" --save-model "$T/m.json"
contains "suggest: what it trained on" "$T/err" "trained on 120 spans in 60 sentences"
contains "suggest: summary" "$T/out" "suggestions in 1 document"
contains "suggest: summary by source" "$T/out" "4 suggestions in 1 document, string-match 1, tagger 3"
contains "suggest: a layer named suggestions" "$T/sug.json" '"annotator": "suggestions"'
check "suggest: the labels are added to the schema" grep -q '"name": "PER"' "$T/sug.json"
check "suggest: a text seen in training, matched" grep -q '"note": "string-match 100%"' "$T/sug.json"
contains "suggest: an unseen name, tagged" "$T/sug.json" '"text": "Quila Parno"'
contains "suggest: an unseen place, tagged" "$T/sug.json" '"text": "Doma"'
expect_rc 0 "suggest with the saved model" "$S" suggest "$T/m.json" "$T/new.txt" "$T/sug2.json"
check "the saved model suggests the same" cmp "$T/sug.json" "$T/sug2.json"
expect_rc 0 "suggest --as-annotations to CoNLL" "$S" suggest "$T/m.json" "$T/new.txt" "$T/sug.conll" --as-annotations --sources tagger
contains "CoNLL gets the tagger's spans" "$T/sug.conll" "Parno I-PER"
printf 'Kato Anvo\tPER\nZelburg LOC\n' > "$T/g.tsv"
expect_rc 1 "suggest with a bad gazetteer line" "$S" suggest "$T/m.json" "$T/new.txt" "$T/x.json" --gazetteer "$T/g.tsv"
contains "bad gazetteer line is named" "$T/err" "g.tsv:2: no tab between the text and the label"
check "nothing written on a bad gazetteer" test ! -e "$T/x.json"
printf 'Zelburg\tLOC\n' > "$T/g.tsv"
expect_rc 0 "suggest with a gazetteer only" "$S" suggest "$T/m.json" "$T/new.txt" "$T/g.json" --gazetteer "$T/g.tsv" --sources gazetteer
contains "gazetteer summary" "$T/out" "1 suggestions in 1 document, gazetteer 1"
expect_rc 2 "suggest with an unknown source" "$S" suggest "$T/m.json" "$T/new.txt" "$T/x.json" --sources oracle
expect_rc 2 "suggest with a bad confidence" "$S" suggest "$T/m.json" "$T/new.txt" "$T/x.json" --min-confidence 2
expect_rc 1 "suggest from documents without spans" "$S" suggest "$T/new.txt" "$T/new.txt" "$T/x.json"
contains "no spans is said" "$T/err" "no labelled spans to learn from"
printf '{"format":"scholion-suggest-model","version":1,"labels":["PER"],"features":{"zz":[1]}}' > "$T/badmodel.json"
expect_rc 1 "suggest with a broken model" "$S" suggest "$T/badmodel.json" "$T/new.txt" "$T/x.json"
contains "broken model names the place" "$T/err" "badmodel.json: /features/zz: expected 16 hex digits"

if [ "$failures" -ne 0 ]; then echo "$failures CLI checks failed"; exit 1; fi
echo "all CLI checks passed"
