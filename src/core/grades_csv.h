// CSV export of grades and agreement tables (RFC 4180 quoting, UTF-8).
#pragma once

#include <string>
#include <vector>

#include "agreement.h"
#include "grading.h"

namespace scholion {

// One CSV field: quoted when it holds a comma, quote, CR/LF or leading/trailing space (quotes
// doubled). Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is
// prefixed with an apostrophe, so a student's name can never become a formula.
std::string csvField(const std::string& text);
std::string csvNumber(double value);  // fixed, 4 decimals, '.' as separator

// Header + one row per report: student, documents; exact P/R/F1, overlap P/R/F1 (micro);
// exact and overlap macro F1; unlabelled exact F1; relations P/R/F1; time on task (start, active
// minutes, checks); the error profile (too long, too short, shifted, the three most frequent
// confusions); the documents graded; then for every label used in any report (alphabetical)
// exact P/R/F1 and overlap F1. Lines end with "\r\n" (RFC 4180).
std::string gradesCsv(const std::vector<GradeReport>& reports, bool utf8Bom = false);
// Pairwise table: annotator A, annotator B, Cohen's kappa, exact and overlap span F1.
std::string pairwiseAgreementCsv(const ClassAgreement& agreement, bool utf8Bom = false);
// Per-label table: label, binary alpha, exact span F1 over pairs, spans, tokens.
std::string labelAgreementCsv(const ClassAgreement& agreement, bool utf8Bom = false);

}  // namespace scholion
