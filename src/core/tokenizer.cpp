// Tokenizer: words (with inner hyphens, clitics split off, abbreviations kept whole), numbers,
// punctuation.
#include <algorithm>
#include <cstring>

#include "char_class.h"
#include "document.h"
#include "grapheme.h"

namespace scholion {
namespace {

bool isAlnum(uint32_t c) {
  CharClass k = classify(c);
  return (k == CharClass::Letter && !isCharacterTokenScript(c)) || k == CharClass::Digit;
}
bool isLetter(uint32_t c) {
  return classify(c) == CharClass::Letter;
}
bool isDigit(uint32_t c) {
  return classify(c) == CharClass::Digit;
}
bool isHyphen(uint32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2011;
}
bool isApostrophe(uint32_t c) {
  return c == '\'' || c == 0x2019;
}

// Abbreviations whose period belongs to the word (titles, months, days, company suffixes...).
bool isKnownAbbreviation(const std::vector<uint32_t>& cps, std::size_t from, std::size_t to) {
  static const char* const kAbbrevs[] = {
      "Mr",  "Mrs",  "Ms",   "Dr",    "Prof", "Sr",  "Jr",     "St",    "Gen",  "Col", "Lt",
      "Sgt", "Capt", "Cmdr", "Adm",   "Gov",  "Sen", "Rep",    "Pres",  "Rev",  "Hon", "Amb",
      "Jan", "Feb",  "Mar",  "Apr",   "Jun",  "Jul", "Aug",    "Sep",   "Sept", "Oct", "Nov",
      "Dec", "Mon",  "Tue",  "Tues",  "Wed",  "Thu", "Thur",   "Thurs", "Fri",  "Sat", "Sun",
      "Inc", "Co",   "Corp", "Ltd",   "Bros", "vs",  "etc",    "No",    "Nos",  "Vol", "Fig",
      "Ave", "Blvd", "Dept", "Univ",  "Mt",   "Ft",  "approx", "est",   "cf",   "al",  "Messrs",
      "Ph",  "pp",   "ca",   "Gov't", "Assn", "Mme", "Mlle"};
  std::size_t len = to - from;
  for (const char* a : kAbbrevs) {
    if (std::strlen(a) != len) continue;
    bool same = true;
    for (std::size_t k = 0; k < len && same; ++k)
      same = cps[from + k] == static_cast<uint32_t>(a[k]);
    if (same) return true;
  }
  return false;
}

// Length of an English clitic ('s 're 've 'll 'd 'm) starting at the apostrophe at j, else 0.
std::size_t cliticLength(const std::vector<uint32_t>& cps, std::size_t j) {
  std::size_t k = j + 1, n = cps.size();
  while (k < n && isLetter(cps[k]) && k - j <= 3) ++k;
  if (k < n && isAlnum(cps[k])) return 0;
  std::string suffix;
  for (std::size_t m = j + 1; m < k; ++m) {
    uint32_t c = cps[m];
    if (c >= 'A' && c <= 'Z') c += 32;
    if (c > 0x7F) return 0;
    suffix += static_cast<char>(c);
  }
  if (suffix == "s" || suffix == "re" || suffix == "ve" || suffix == "ll" || suffix == "d" ||
      suffix == "m")
    return k - j;
  return 0;
}

}  // namespace

std::vector<uint32_t> decodeAll(std::string_view text) {
  std::vector<uint32_t> cps;
  cps.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) cps.push_back(decodeUtf8(text, i));
  return cps;
}

namespace {

// Widens every token to whole grapheme clusters (an emoji ZWJ sequence, a flag, a letter with its
// marks) and merges tokens that then overlap, so no token boundary cuts a cluster.
void alignToClusters(const std::vector<uint32_t>& cps, std::vector<Token>& toks) {
  const std::size_t n = cps.size();
  // Below U+0300 every cluster is one code point or CR LF (spaces, never inside a token).
  if (std::all_of(cps.begin(), cps.end(), [](uint32_t c) { return c < 0x300; })) return;
  std::vector<uint32_t> clusterOf(n);  // start of the cluster holding each code point
  for (std::size_t i = 0; i < n;) {
    std::size_t e = graphemeEnd(cps.data(), n, i);
    for (std::size_t k = i; k < e; ++k) clusterOf[k] = static_cast<uint32_t>(i);
    i = e;
  }
  auto endOf = [&](uint32_t e) {
    while (e < n && clusterOf[e] < e) ++e;
    return e;
  };
  std::size_t out = 0;
  for (std::size_t k = 0; k < toks.size(); ++k) {
    Token t = toks[k];
    t.start = clusterOf[t.start];
    t.end = endOf(t.end);
    if (out > 0 && toks[out - 1].end > t.start) {
      toks[out - 1].end = std::max(toks[out - 1].end, t.end);
      continue;
    }
    toks[out++] = t;
  }
  toks.resize(out);
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<uint32_t> cps = decodeAll(text);
  std::vector<Token> out;
  out.reserve(cps.size() / 5 + 1);
  const std::size_t n = cps.size();
  auto emit = [&](std::size_t s, std::size_t e, TokenKind k) {
    out.push_back(Token{static_cast<uint32_t>(s), static_cast<uint32_t>(e), k});
  };
  std::size_t i = 0;
  while (i < n) {
    uint32_t c = cps[i];
    CharClass cls = classify(c);
    if (cls == CharClass::Space) {
      ++i;
    } else if (cls == CharClass::Ideograph || isCharacterTokenScript(c)) {
      // Chinese, Japanese and Thai have no spaces between words: one token per character.
      std::size_t e = graphemeEnd(cps.data(), n, i);
      emit(i, e, TokenKind::Word);
      i = e;
    } else if (cls == CharClass::Letter || cls == CharClass::Digit) {
      std::size_t j = i;
      bool hasLetter = false;
      std::size_t clitic = 0, cliticAt = 0;
      while (true) {
        while (j < n && isAlnum(cps[j])) {
          hasLetter = hasLetter || !isDigit(cps[j]);
          ++j;
        }
        if (j >= n || j + 1 >= n) break;
        uint32_t d = cps[j], next = cps[j + 1];
        // "all-round", "Sino-Russia", "COVID-19" stay whole; "1999-2000" splits.
        if (isHyphen(d) && isAlnum(next) && !(isDigit(cps[j - 1]) && isDigit(next))) {
          ++j;
          continue;
        }
        // "1,000.50"
        if ((d == '.' || d == ',') && isDigit(cps[j - 1]) && isDigit(next)) {
          ++j;
          continue;
        }
        if (isApostrophe(d) && isLetter(next)) {
          std::size_t len = cliticLength(cps, j);
          if (len) {  // "Zemin's" -> Zemin | 's
            clitic = len;
            cliticAt = j;
            break;
          }
          // "don't" -> do | n't
          if ((next == 't' || next == 'T') && j - 1 > i &&
              (cps[j - 1] == 'n' || cps[j - 1] == 'N') && (j + 2 >= n || !isAlnum(cps[j + 2]))) {
            clitic = 3;
            cliticAt = j - 1;
            j = j - 1;
            break;
          }
          ++j;  // "O'Neill"
          continue;
        }
        break;
      }
      std::size_t end = j;
      if (!clitic && end < n && cps[end] == '.') {
        if (end == i + 1 && isLetter(cps[i])) {
          // Initials and dotted abbreviations: "J.", "U.S.", "U.S.A."
          std::size_t m = end + 1;
          while (m + 1 < n && isLetter(cps[m]) && cps[m + 1] == '.' &&
                 (m + 2 >= n || !isAlnum(cps[m + 2])))
            m += 2;
          end = m;
        } else if (isKnownAbbreviation(cps, i, end)) {
          end += 1;
        }
      }
      emit(i, end, hasLetter ? TokenKind::Word : TokenKind::Number);
      i = end;
      if (clitic) {
        emit(cliticAt, cliticAt + clitic, TokenKind::Word);
        i = cliticAt + clitic;
      }
    } else if (cls == CharClass::Punct) {
      std::size_t j = i + 1;
      if (c == '.' || c == '-' || c == '!' || c == '?')  // "...", "--", "?!" as one token
        while (j < n &&
               (cps[j] == c || ((c == '!' || c == '?') && (cps[j] == '!' || cps[j] == '?'))))
          ++j;
      emit(i, j, TokenKind::Punctuation);
      i = j;
    } else {
      emit(i, i + 1, TokenKind::Symbol);
      ++i;
    }
  }
  alignToClusters(cps, out);
  return out;
}

}  // namespace scholion
