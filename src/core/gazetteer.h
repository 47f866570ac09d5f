// Gazetteer files: one entry per line as `text<TAB>label[<TAB>case]` or CSV `text,label[,case]`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "phrase_matcher.h"
#include "result.h"

namespace scholion {

// Reads a gazetteer. A name ending in ".csv" is read as CSV (RFC 4180 quotes, "" inside quotes);
// anything else as tab-separated lines. Blank lines and lines starting with '#' are skipped; a
// first line "text,label" / "text<TAB>label" (any case, optional third column "case") is a header.
// The optional third column is "exact" (the default) or "ignore-case". Errors name the file and
// line: "places.tsv:3: no tab between the text and the label".
Result<std::vector<PhraseEntry>> parseGazetteer(std::string_view bytes, const std::string& name);

}  // namespace scholion
