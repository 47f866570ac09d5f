// "scholion validate FILE": all-or-nothing import plus schema checks; problems as file:line:col
// lines.
#include <iostream>
#include <set>

#include "cli_io.h"
#include "commands.h"

namespace scholion::cli {
namespace {

const char kHelp[] =
    "Usage: scholion validate FILE [--from F] [--strict]\n"
    "\n"
    "Reads FILE as an import would (brat: the .ann or .txt with its partner and the folder's\n"
    ".conf files, or a folder) and prints one problem per line on stdout, as\n"
    "'file:line:col: what' (JSON formats: 'file: /json/pointer: what'), then a summary line.\n"
    "Labels, relation types and attributes missing from the schema are printed as\n"
    "'file: warning: ...'; with --strict they make the file invalid.\n"
    "\n"
    "Exit status: 0 valid, 1 invalid, 2 usage error.\n";

// Annotations that name things the schema does not define.
std::vector<std::string> schemaWarnings(const Workspace& ws) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto once = [&](const std::string& w) {
    if (seen.insert(w).second) out.push_back(w);
  };
  for (const auto& d : ws.documents) {
    std::vector<const AnnotationLayer*> layers{&d.annotations};
    for (const auto& o : d.others) layers.push_back(&o);
    for (const AnnotationLayer* l : layers) {
      for (const auto& s : l->spans) {
        if (!ws.schema.findLabel(s.label))
          once("span label '" + s.label + "' is not in the schema");
        for (const auto& a : s.attributes) {
          if (!ws.schema.findAttribute(a.first))
            once("attribute '" + a.first + "' is not in the schema");
        }
      }
      for (const auto& r : l->relations) {
        if (!ws.schema.findRelation(r.label))
          once("relation type '" + r.label + "' is not in the schema");
      }
    }
  }
  return out;
}

}  // namespace

int cmdValidate(int argc, char** argv) {
  ParsedArgs args;
  std::string err = parseArgs(argc, argv, {"--from"}, {"--strict"}, args);
  if (auto exit = helpOrUsage(args, err, args.positional.size() == 1, "validate",
                              "expected one FILE", kHelp))
    return *exit;
  Format from;
  if (!formatOption(args, "--from", from)) return 2;
  const std::string& file = args.positional[0];
  auto ws = loadWorkspace(file, from, &from);
  if (!ws) {
    std::cout << ws.error() << "\n" << file << ": invalid\n";
    return 1;
  }
  auto warnings = schemaWarnings(ws.value());
  for (const auto& w : warnings) std::cout << file << ": warning: " << w << "\n";
  std::size_t spans = 0, relations = 0;
  for (const auto& d : ws->documents) {
    spans += d.annotations.spans.size();
    relations += d.annotations.relations.size();
  }
  if (args.flag("--strict") && !warnings.empty()) {
    std::cout << file << ": invalid (" << warnings.size() << " schema warnings, --strict)\n";
    return 1;
  }
  std::cout << file << ": valid " << formatName(from) << " (" << ws->documents.size()
            << " documents, " << spans << " spans, " << relations << " relations)\n";
  return 0;
}

}  // namespace scholion::cli
