// brat .conf files as brat reads them: sections, type hierarchies, macros, arguments (the generic
// layer of server/src/projectconfig.py, before any meaning is given to the types).
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace scholion {

// One "key:type|type" argument of a type line (e.g. "Theme+:Protein|Gene", "<REL-TYPE>:symmetric").
struct BratArg {
  std::string key;  // with its repetition mark ("Theme+"); reserved keys keep their <...>
  std::vector<std::string> types;
  bool reserved() const { return !key.empty() && key[0] == '<'; }
};

// One type line of a section, with its place in the hierarchy.
struct BratTypeLine {
  std::size_t lineNo = 0;
  std::string name;     // the first term, without "!"
  bool unused = false;  // "!Name": a grouping node that cannot be chosen
  std::string parent;   // the line at one level less of indent above it, "" at the root
  std::vector<BratArg> args;
  std::string argText;  // the arguments as written (after macro and <INHERIT> expansion)
};

// Problems brat refuses (it then falls back to a default configuration) go to `errors`; what brat
// only warns about goes to `warnings`. Both are "file:line: what".
struct BratConfReport {
  std::vector<std::string> errors, warnings;
};

// Reads a whole .conf file: the sections in `expected` (after the alias [spans] -> [entities]),
// each parsed as a type hierarchy. Mirrors projectconfig.py: __parse_configs (unknown section:
// warning, contents ignored; missing section: warning unless in `optional`),
// __read_term_hierarchy (comments, "----" separators, section-local <MACRO>=value definitions and
// expansion, undefined macros, indent = depth, <INHERIT>) and TypeHierarchyNode (!unused, terms
// split by "|", arguments "key:types" split by ","). `tabTerms` sections (visual.conf [labels])
// split the terms from the arguments at a tab only, as __require_tab_separator says.
std::map<std::string, std::vector<BratTypeLine>> readBratConf(
    const std::string& bytes, const std::string& file, const std::set<std::string>& expected,
    const std::set<std::string>& optional, BratConfReport& report,
    const std::set<std::string>& tabTerms = {});

// Without leading and trailing white space; split at every `sep` (empty pieces kept).
std::string bratTrim(const std::string& s);
std::vector<std::string> bratSplit(const std::string& s, char sep);

// The reserved strings of projectconfig.py reserved_config_name, as "<NAME>".
bool isBratReserved(const std::string& s);

// brat's storage form of a type name (normalize_to_storage_form): every character outside
// [A-Za-z0-9_-] becomes '_'.
std::string bratStorageForm(const std::string& name);

}  // namespace scholion
