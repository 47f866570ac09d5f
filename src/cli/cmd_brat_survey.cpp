// "scholion brat-survey DIR": opens every brat corpus folder and configuration under DIR the way
// the app would, and counts documents, annotations and warnings (a check against real corpora).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>

#include "brat_conf.h"
#include "cli_io.h"
#include "commands.h"

namespace scholion::cli {
namespace {

namespace fs = std::filesystem;

const char kHelp[] =
    "Usage: scholion brat-survey DIR [--verbose]\n"
    "\n"
    "Finds under DIR every folder holding .ann files and opens it as one brat corpus (with the\n"
    "annotation.conf, visual.conf and kb_shortcuts.conf found in it or above it, as brat looks\n"
    "for them), and every annotation.conf of a folder without documents on its own. Prints one\n"
    "line per folder: documents, spans, relations, extra brat lines kept aside, warnings (or\n"
    "why it failed), then the totals. --verbose prints each warning too.\n"
    "Exit status: 0 every folder opened, 1 some failed, 2 usage error.\n";

std::string readOrEmpty(const fs::path& p) {
  std::error_code ec;
  if (!fs::exists(p, ec)) return "";
  auto r = readFile(p.string());
  return r ? r.value() : "";
}

}  // namespace

int cmdBratSurvey(int argc, char** argv) {
  ParsedArgs args;
  std::string err = parseArgs(argc, argv, {}, {"--verbose"}, args);
  if (auto exit =
          helpOrUsage(args, err, args.positional.size() == 1, "brat-survey", "expected DIR", kHelp))
    return *exit;
  const bool verbose = args.flag("--verbose");
  std::error_code ec;
  std::set<fs::path> corpora, confs;
  for (auto it = fs::recursive_directory_iterator(args.positional[0], ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const fs::path& p = it->path();
    if (p.extension() == ".ann") corpora.insert(p.parent_path());
    if (p.filename() == "annotation.conf") confs.insert(p.parent_path());
  }
  if (ec) {
    std::cerr << args.positional[0] << ": " << ec.message() << "\n";
    return 1;
  }
  std::size_t folders = 0, failed = 0, docs = 0, spans = 0, relations = 0, kept = 0, warns = 0;
  for (const fs::path& dir : corpora) {
    ++folders;
    std::vector<std::string> warnings;
    auto ws = loadWorkspace(dir.string(), Format::Brat, nullptr, &warnings);
    if (!ws) {
      ++failed;
      std::cout << dir.string() << ": FAILED: " << ws.error() << "\n";
      continue;
    }
    std::size_t s = 0, r = 0, x = 0;
    for (const auto& d : ws->documents) {
      s += d.annotations.spans.size();
      r += d.annotations.relations.size();
      auto e = d.annotations.extras.find("brat");
      if (e != d.annotations.extras.end())
        x += static_cast<std::size_t>(std::count(e->second.begin(), e->second.end(), '\n'));
    }
    std::cout << dir.string() << ": " << ws->documents.size() << " documents, " << s << " spans, "
              << r << " relations, " << x << " other lines kept, " << ws->schema.spanLabels.size()
              << " labels, " << warnings.size() << " warnings\n";
    if (verbose)
      for (const auto& w : warnings) std::cout << "  warning: " << w << "\n";
    docs += ws->documents.size();
    spans += s;
    relations += r;
    kept += x;
    warns += warnings.size();
  }
  for (const fs::path& dir : confs) {
    if (corpora.count(dir)) continue;  // read with its documents above
    ++folders;
    std::vector<std::string> warnings;
    fs::path conf = dir / "annotation.conf";
    auto schema = parseBratConf(readOrEmpty(conf), conf.string(), readOrEmpty(dir / "visual.conf"),
                                readOrEmpty(dir / "kb_shortcuts.conf"), &warnings);
    if (!schema) {
      ++failed;
      std::cout << conf.string() << ": FAILED: " << schema.error() << "\n";
      continue;
    }
    std::cout << conf.string() << ": " << schema->spanLabels.size() << " labels, "
              << schema->relationTypes.size() << " relation types, " << schema->attributes.size()
              << " attributes, " << warnings.size() << " warnings\n";
    if (verbose)
      for (const auto& w : warnings) std::cout << "  warning: " << w << "\n";
    warns += warnings.size();
  }
  std::cout << "total: " << folders << " folders (" << failed << " failed), " << docs
            << " documents, " << spans << " spans, " << relations << " relations, " << kept
            << " other lines kept, " << warns << " warnings\n";
  return failed ? 1 : 0;
}

}  // namespace scholion::cli
