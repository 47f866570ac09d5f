// Helpers shared by the CLI subcommands: reading inputs in any format, writing files, options.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "formats.h"
#include "model.h"
#include "result.h"

namespace scholion::cli {

bool isHelpFlag(const std::string& arg);
Result<std::string> readFile(const std::string& path);
Status writeFile(const std::string& path, const std::string& bytes);

// Loads a workspace from a path, all-or-nothing. brat: "x.ann" or "x.txt" reads the pair and the
// .conf files of the same folder; a folder reads every brat file in it. Other formats read one
// file (`from` = Unknown detects the format); a .zip reads the files inside it as if they had been
// given together. `detected` receives the format used; `warnings` what the import only warns about.
// brat .conf files are looked up in the folder and then its parents, as brat does.
Result<Workspace> loadWorkspace(const std::string& path, Format from, Format* detected = nullptr,
                                std::vector<std::string>* warnings = nullptr);

// Reads and parses one Scholion JSON file. A read error is returned as is; a parse error is
// prefixed with "path: ".
Result<Workspace> loadScholion(const std::string& path);

// A path's file name without its folder and its last extension ("a/b.json" -> "b").
std::string baseName(const std::string& path);

// A number with three decimals ("0.250").
std::string fixed(double v);

// The length of a UTF-8 string in code points.
std::size_t cpWidth(const std::string& s);

// Pads to a width counted in code points, so names with accents line up; a string as wide or
// wider gets one space.
std::string pad(const std::string& s, std::size_t width);

// Parses "--name value" options out of args (positional arguments stay in order). Returns "" or
// a usage error. `flags` are options without a value.
struct ParsedArgs {
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> options;  // "--from" -> "brat"
  std::vector<std::string> flags;                            // "--json"
  bool help = false;
  const std::string* option(const std::string& name) const;
  bool flag(const std::string& name) const;
};
std::string parseArgs(int argc, char** argv, const std::vector<std::string>& valueOptions,
                      const std::vector<std::string>& flagOptions, ParsedArgs& out);

// `--help` prints the command's help (exit code 0); a parse error or operands that are not
// `operandsOk` print the problem ("scholion CMD: expected ...") and the help (exit code 2).
// Nothing when the command should go on.
std::optional<int> helpOrUsage(const ParsedArgs& args, const std::string& err, bool operandsOk,
                               const char* command, const char* expected, const char* help);

// Resolves a --from/--to value; prints a usage error and returns false when unknown.
bool formatOption(const ParsedArgs& args, const std::string& name, Format& out);

}  // namespace scholion::cli
