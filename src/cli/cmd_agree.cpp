// "scholion agree A.json B.json...": inter-annotator agreement of a class, table or CSV.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "agreement.h"
#include "cli_io.h"
#include "commands.h"
#include "document.h"
#include "grades_csv.h"
#include "scholion_json.h"

namespace scholion::cli {
namespace {

const char kHelp[] =
    "Usage: scholion agree A.json B.json... [--csv | --csv-labels] [--bom] [--passages N]\n"
    "       scholion agree CLASS.json          (every layer of one file is an annotator)\n"
    "\n"
    "Agreement between annotators: each Scholion JSON file is one annotator (its working\n"
    "layer). Documents are matched by SHA-256; only documents present in every file count.\n"
    "Prints Cohen's kappa for every pair and Fleiss' kappa and Krippendorff's alpha (nominal)\n"
    "for the class, all on token labels; span F1 between pairs (exact and overlapping); the\n"
    "agreement per label; and the passages (sentences) that divide the class most.\n"
    "Conventions: docs/agreement.md.\n"
    "\n"
    "  --csv         print the pairwise table as CSV\n"
    "  --csv-labels  print the per-label table as CSV\n"
    "  --bom         start the CSV with a UTF-8 byte order mark\n"
    "  --passages N  how many divisive passages to list (default 5)\n";

std::string coef(const Coefficient& c) {
  return fixed(c.value) + (c.defined ? "" : " (undefined: no variation)");
}

struct Loaded {
  std::vector<std::string> annotators;
  // Per document (in the first file's order): the text and one layer pointer per annotator.
  struct Doc {
    std::string name;
    const std::string* text = nullptr;
    std::shared_ptr<const Document> doc;
    std::vector<const AnnotationLayer*> layers;
  };
  std::vector<Doc> docs;
};

// One file: its working layer (when not empty) and every other layer are the annotators,
// matched across documents by annotator name.
Loaded layersOfOneFile(const Workspace& ws) {
  Loaded in;
  auto nameOf = [](const AnnotationLayer& l) {
    return l.annotator.empty() ? std::string("(working layer)") : l.annotator;
  };
  for (const DocumentData& d : ws.documents) {
    auto add = [&](const AnnotationLayer& l) {
      std::string name = nameOf(l);
      if (std::find(in.annotators.begin(), in.annotators.end(), name) == in.annotators.end())
        in.annotators.push_back(name);
    };
    if (!d.annotations.spans.empty()) add(d.annotations);
    for (const AnnotationLayer& l : d.others) add(l);
  }
  static const AnnotationLayer kEmpty;
  for (const DocumentData& d : ws.documents) {
    Loaded::Doc doc;
    doc.name = d.name;
    doc.text = &d.text;
    for (const std::string& name : in.annotators) {
      const AnnotationLayer* found = &kEmpty;
      if (!d.annotations.spans.empty() && nameOf(d.annotations) == name) found = &d.annotations;
      for (const AnnotationLayer& l : d.others)
        if (l.annotator == name) found = &l;
      doc.layers.push_back(found);
    }
    in.docs.push_back(std::move(doc));
  }
  return in;
}

// Several files: one annotator each (its working layer), documents matched by content hash.
Loaded layersOfFiles(const std::vector<Workspace>& files, const std::vector<std::string>& paths) {
  Loaded in;
  for (std::size_t f = 0; f < files.size(); ++f) {
    std::string name = files[f].annotator;
    if (name.empty() && !files[f].documents.empty())
      name = files[f].documents[0].annotations.annotator;
    if (name.empty()) name = baseName(paths[f]);
    in.annotators.push_back(name);
  }
  std::vector<std::unordered_map<std::string, const DocumentData*>> bySha(files.size());
  for (std::size_t f = 0; f < files.size(); ++f)
    for (const DocumentData& d : files[f].documents) bySha[f].emplace(d.sha256, &d);
  for (const DocumentData& d : files[0].documents) {
    Loaded::Doc doc;
    doc.name = d.name;
    doc.text = &d.text;
    for (std::size_t f = 0; f < files.size(); ++f) {
      auto it = bySha[f].find(d.sha256);
      if (it == bySha[f].end()) break;
      doc.layers.push_back(&it->second->annotations);
    }
    if (doc.layers.size() != files.size()) {
      std::cerr << "scholion agree: document '" << d.name << "' is not in every file: skipped\n";
      continue;
    }
    in.docs.push_back(std::move(doc));
  }
  return in;
}

// A passage on one line, at most 70 characters wide.
std::string snippetOf(std::string snippet) {
  for (char& c : snippet)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (cpWidth(snippet) <= 70) return snippet;
  std::size_t n = 0, cut = 0;
  for (; cut < snippet.size() && n < 67; ++cut) n += (snippet[cut] & 0xC0) != 0x80;
  while (cut < snippet.size() && (snippet[cut] & 0xC0) == 0x80) ++cut;
  return snippet.substr(0, cut) + "...";
}

void printReport(const ClassAgreement& r, const Loaded& in, long passages) {
  std::cout << "Annotators: " << r.annotators.size() << "   documents: " << in.docs.size()
            << "   tokens: " << r.tokens << "\n"
            << "Fleiss' kappa (tokens):          " << coef(r.fleiss) << "\n"
            << "Krippendorff's alpha (nominal):  " << coef(r.alpha) << "\n"
            << "Mean pairwise Cohen's kappa:     " << fixed(r.meanPairwiseCohen()) << "\n"
            << "Span F1 over all pairs:          exact " << fixed(r.spansExact.f1()) << ", overlap "
            << fixed(r.spansOverlap.f1()) << "\n";
  std::size_t w = 10;
  for (const std::string& a : r.annotators) w = std::max(w, cpWidth(a) + 2);
  w = std::min<std::size_t>(w, 40);
  if (!r.pairs.empty()) {
    std::cout << "\n" << pad("A", w) << pad("B", w) << "kappa   exact F1  overlap F1\n";
    for (const PairAgreement& p : r.pairs)
      std::cout << pad(r.annotators[p.a], w) << pad(r.annotators[p.b], w)
                << pad(fixed(p.cohen.value) + (p.cohen.defined ? "" : "*"), 8)
                << pad(fixed(p.spansExact.f1()), 10) << fixed(p.spansOverlap.f1()) << "\n";
  }
  if (!r.perLabel.empty()) {
    std::vector<LabelAgreement> labels = r.perLabel;
    std::stable_sort(labels.begin(), labels.end(), [](const auto& a, const auto& b) {
      return a.alpha.value < b.alpha.value;  // the most divisive first
    });
    std::cout << "\n" << pad("label", 20) << "alpha   exact F1  spans  tokens\n";
    for (const LabelAgreement& l : labels)
      std::cout << pad(l.label, 20) << pad(fixed(l.alpha.value), 8)
                << pad(fixed(l.spansExact.f1()), 10) << pad(std::to_string(l.spans), 7) << l.tokens
                << "\n";
  }
  std::vector<const PassageAgreement*> divisive;
  for (const PassageAgreement& p : r.perPassage)
    if (p.disputedTokens > 0) divisive.push_back(&p);
  std::stable_sort(divisive.begin(), divisive.end(),
                   [](const auto* a, const auto* b) { return a->observed < b->observed; });
  if (divisive.empty() || passages <= 0) return;
  std::cout << "\nMost divisive passages (pairwise token agreement):\n";
  for (std::size_t i = 0; i < divisive.size() && i < static_cast<std::size_t>(passages); ++i) {
    const PassageAgreement& p = *divisive[i];
    const Loaded::Doc& d = in.docs[p.document];
    std::cout << "  " << fixed(p.observed) << "  " << d.name << " [" << p.start << "," << p.end
              << ")  " << snippetOf(d.doc->slice(p.start, p.end)) << "\n";
  }
}

}  // namespace

int cmdAgree(int argc, char** argv) {
  ParsedArgs args;
  std::string err = parseArgs(argc, argv, {"--passages"}, {"--csv", "--csv-labels", "--bom"}, args);
  if (args.help) {
    std::cout << kHelp;
    return 0;
  }
  long passages = 5;
  if (const std::string* p = args.option("--passages")) {
    char* end = nullptr;
    passages = std::strtol(p->c_str(), &end, 10);
    if (p->empty() || *end || passages < 0) err = "--passages needs a number >= 0";
  }
  if (!err.empty() || args.positional.empty()) {
    std::cerr << "scholion agree: " << (err.empty() ? "expected annotation files" : err) << "\n\n"
              << kHelp;
    return 2;
  }
  std::vector<Workspace> files;
  for (const std::string& path : args.positional) {
    Result<Workspace> ws = loadScholion(path);
    if (!ws) {
      std::cerr << "scholion agree: " << ws.error() << "\n";
      return 1;
    }
    files.push_back(std::move(ws.value()));
  }
  Loaded in = files.size() == 1 ? layersOfOneFile(files[0]) : layersOfFiles(files, args.positional);
  if (in.annotators.size() < 2)
    std::cerr << "scholion agree: fewer than two annotators: agreement is undefined\n";

  // Tokens and sentences come from the document model.
  std::vector<ClassDocument> classDocs;
  for (Loaded::Doc& d : in.docs) {
    Result<std::shared_ptr<const Document>> doc = Document::create(*d.text);
    if (!doc) {
      std::cerr << "scholion agree: " << d.name << ": " << doc.error() << "\n";
      return 1;
    }
    d.doc = *doc;
    classDocs.push_back(ClassDocument{d.name, &d.doc->tokens(), &d.doc->sentences(), d.layers});
  }
  ClassAgreement r = computeAgreement(classDocs, in.annotators);
  if (args.flag("--csv")) {
    std::cout << pairwiseAgreementCsv(r, args.flag("--bom"));
    return 0;
  }
  if (args.flag("--csv-labels")) {
    std::cout << labelAgreementCsv(r, args.flag("--bom"));
    return 0;
  }
  printReport(r, in, passages);
  return 0;
}

}  // namespace scholion::cli
