// "scholion stats FILE": documents, spans per label, relations per type, document labels, layers.
#include <algorithm>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli_io.h"
#include "commands.h"
#include "json_util.h"
#include "text.h"

namespace scholion::cli {
namespace {

const char kHelp[] =
    "Usage: scholion stats FILE [--from F] [--json] [--all-layers]\n"
    "\n"
    "Prints the number of documents and characters, spans per label, relations per type and\n"
    "document labels of FILE's working layer (--all-layers: every annotator's layer too).\n"
    "--json prints the same as one JSON object.\n";

using Counts = std::map<std::string, std::size_t>;

void printCounts(const char* title, std::size_t total, const Counts& counts) {
  std::cout << title << ": " << total << "\n";
  std::vector<std::pair<std::string, std::size_t>> rows(counts.begin(), counts.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::size_t width = 0;
  for (const auto& r : rows) width = std::max(width, r.first.size());
  for (const auto& r : rows) {
    std::cout << "  " << r.first << std::string(width - r.first.size() + 2, ' ') << r.second
              << "\n";
  }
}

}  // namespace

int cmdStats(int argc, char** argv) {
  ParsedArgs args;
  std::string err = parseArgs(argc, argv, {"--from"}, {"--json", "--all-layers"}, args);
  if (auto exit =
          helpOrUsage(args, err, args.positional.size() == 1, "stats", "expected one FILE", kHelp))
    return *exit;
  Format from;
  if (!formatOption(args, "--from", from)) return 2;
  const std::string& file = args.positional[0];
  auto ws = loadWorkspace(file, from, &from);
  if (!ws) {
    std::cerr << ws.error() << "\n";
    return 1;
  }
  Counts labels, relations, docLabels;
  std::size_t spans = 0, rels = 0, discontinuous = 0, characters = 0, layers = 0, withExtras = 0;
  for (const auto& d : ws->documents) {
    characters += countCodePoints(d.text);
    std::vector<const AnnotationLayer*> ls{&d.annotations};
    if (args.flag("--all-layers")) {
      for (const auto& o : d.others) ls.push_back(&o);
    }
    layers += d.others.size();
    for (const AnnotationLayer* l : ls) {
      if (!l->extras.empty()) ++withExtras;
      for (const auto& s : l->spans) {
        ++labels[s.label];
        ++spans;
        if (!s.fragments.empty()) ++discontinuous;
      }
      for (const auto& r : l->relations) {
        ++relations[r.label];
        ++rels;
      }
      for (const auto& dl : l->documentLabels) ++docLabels[dl];
    }
  }
  if (args.flag("--json")) {
    nlohmann::json j = {{"file", file},
                        {"format", formatName(from)},
                        {"documents", ws->documents.size()},
                        {"characters", characters},
                        {"spans", spans},
                        {"discontinuousSpans", discontinuous},
                        {"spansPerLabel", labels},
                        {"relations", rels},
                        {"relationsPerType", relations},
                        {"documentLabels", docLabels},
                        {"otherLayers", layers}};
    std::cout << dumpJson(j, 2) << "\n";
    return 0;
  }
  std::cout << "file: " << file << " (" << formatName(from) << ")\n"
            << "documents: " << ws->documents.size() << "\n"
            << "characters: " << characters << "\n";
  printCounts("spans", spans, labels);
  if (discontinuous) std::cout << "discontinuous spans: " << discontinuous << "\n";
  printCounts("relations", rels, relations);
  std::size_t docLabelTotal = 0;
  for (const auto& c : docLabels) docLabelTotal += c.second;
  printCounts("document labels", docLabelTotal, docLabels);
  std::cout << "other annotator layers: " << layers << "\n";
  if (withExtras) std::cout << "layers with data kept for export only: " << withExtras << "\n";
  return 0;
}

}  // namespace scholion::cli
