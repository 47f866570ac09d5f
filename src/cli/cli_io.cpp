// Helpers shared by the CLI subcommands: file reading/writing, loading any format, options.
#include "cli_io.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "opened_files.h"
#include "scholion_json.h"
#include "workspace_check.h"
#include "zip_reader.h"

namespace scholion::cli {

namespace fs = std::filesystem;

bool isHelpFlag(const std::string& arg) {
  return arg == "--help" || arg == "-h" || arg == "help";
}

Result<std::string> readFile(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return fail(path + ": is a folder");
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(path + ": cannot open the file");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return fail(path + ": read error");
  return ss.str();
}

Status writeFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return fail(path + ": cannot write the file");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return fail(path + ": write error");
  return okStatus();
}

namespace {

// A .zip read as the app reads it (opened_files.cpp): it must hold exactly one workspace (one
// Scholion file, one other tool's file or brat group, or plain texts only).
Result<Workspace> loadArchive(const std::string& path, std::string bytes, Format* detected,
                              std::vector<std::string>* warnings) {
  std::vector<NamedFile> files;
  files.push_back(NamedFile{path, std::move(bytes)});
  OpenedFiles opened = sortOpenedFiles(std::move(files));
  if (!opened.errors.empty()) return fail(joinProblems(path + ":", opened.errors));
  const std::size_t workspaces = opened.scholion.size() + opened.imports.size();
  if (workspaces > 1 || (workspaces == 1 && !opened.texts.empty()))
    return fail(path + ": the archive holds several workspaces; convert them one at a time");
  if (!opened.scholion.empty()) {
    if (detected) *detected = Format::Scholion;
    return std::move(opened.scholion.front().workspace);
  }
  if (!opened.imports.empty()) {
    ImportedFile& imp = opened.imports.front();
    if (detected) *detected = imp.format;
    if (warnings) warnings->insert(warnings->end(), imp.warnings.begin(), imp.warnings.end());
    return std::move(imp.workspace);
  }
  if (opened.texts.empty()) return fail(path + ": the archive holds no files");
  Workspace ws;
  ws.documents = std::move(opened.texts);
  if (detected) *detected = Format::Unknown;
  return ws;
}

}  // namespace

Result<Workspace> loadWorkspace(const std::string& path, Format from, Format* detected,
                                std::vector<std::string>* warnings) {
  std::error_code ec;
  const bool isDir = fs::is_directory(path, ec);
  Format format = from;
  if (format == Format::Unknown && isDir) format = Format::Brat;
  std::string bytes;
  if (!isDir) {
    auto r = readFile(path);
    if (!r) return fail(r.error());
    bytes = std::move(r.value());
    // An archive (as the web app's brat export makes): its files are read as if opened together.
    if (fs::path(path).extension() == ".zip") {
      if (format == Format::Unknown) return loadArchive(path, std::move(bytes), detected, warnings);
      auto entries = readZip(bytes, path);
      if (!entries) return fail(entries.error());
      if (detected) *detected = format;
      return importFiles(*entries, format, warnings);
    }
    if (format == Format::Unknown) format = formatFromFileName(path, bytes);
  }
  if (detected) *detected = format;
  if (format == Format::Unknown) {
    return fail(path + ": unknown format (use --from scholion|brat|conll|doccano|labelstudio)");
  }
  if (format != Format::Brat) {
    if (isDir) return fail(path + ": a folder can only be read as brat");
    return importFile(path, bytes, format, warnings);
  }
  // brat: gather the .txt/.ann pair(s) and the .conf files.
  std::vector<NamedFile> files;
  auto add = [&](const fs::path& p) -> Status {
    auto r = readFile(p.string());
    if (!r) return fail(r.error());
    files.push_back({p.string(), std::move(r.value())});
    return okStatus();
  };
  fs::path folder;
  if (isDir) {
    folder = path;
    std::vector<fs::path> entries;
    for (const auto& e : fs::directory_iterator(path, ec)) {
      std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".txt" || ext == ".ann")) entries.push_back(e.path());
    }
    std::sort(entries.begin(), entries.end());
    for (const auto& p : entries) {
      auto st = add(p);
      if (!st) return fail(st.error());
    }
  } else {
    fs::path p(path);
    folder = p.parent_path();
    fs::path txt = p, ann = p;
    txt.replace_extension(".txt");
    ann.replace_extension(".ann");
    for (const fs::path& q : {txt, ann}) {
      if (q == p) {
        files.push_back({p.string(), bytes});
      } else if (fs::exists(q, ec)) {
        auto st = add(q);
        if (!st) return fail(st.error());
      }
    }
  }
  // Each .conf file is the first one found in the folder or above it, as brat looks for it
  // (projectconfig.py __read_first_in_directory_tree).
  if (folder.empty()) folder = ".";
  folder = fs::absolute(folder, ec);
  for (const char* conf : {"annotation.conf", "visual.conf", "kb_shortcuts.conf"}) {
    for (fs::path dir = folder;; dir = dir.parent_path()) {
      fs::path c = dir / conf;
      if (fs::exists(c, ec)) {
        auto st = add(c);
        if (!st) return fail(st.error());
        break;
      }
      if (dir == dir.parent_path() || dir.empty()) break;
    }
  }
  return importFiles(files, Format::Brat, warnings);
}

std::optional<int> helpOrUsage(const ParsedArgs& args, const std::string& err, bool operandsOk,
                               const char* command, const char* expected, const char* help) {
  if (args.help) {
    std::cout << help;
    return 0;
  }
  if (err.empty() && operandsOk) return std::nullopt;
  std::cerr << "scholion " << command << ": " << (err.empty() ? std::string(expected) : err)
            << "\n\n"
            << help;
  return 2;
}

const std::string* ParsedArgs::option(const std::string& name) const {
  for (const auto& [k, v] : options) {
    if (k == name) return &v;
  }
  return nullptr;
}

bool ParsedArgs::flag(const std::string& name) const {
  for (const auto& f : flags) {
    if (f == name) return true;
  }
  return false;
}

std::string parseArgs(int argc, char** argv, const std::vector<std::string>& valueOptions,
                      const std::vector<std::string>& flagOptions, ParsedArgs& out) {
  auto known = [](const std::vector<std::string>& list, const std::string& a) {
    return std::find(list.begin(), list.end(), a) != list.end();
  };
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      out.help = true;
    } else if (a.size() > 2 && a.rfind("--", 0) == 0) {
      std::string value;
      auto eq = a.find('=');
      bool hasValue = eq != std::string::npos;
      if (hasValue) {
        value = a.substr(eq + 1);
        a.resize(eq);
      }
      if (known(flagOptions, a) && !hasValue) {
        out.flags.push_back(a);
      } else if (known(valueOptions, a)) {
        if (!hasValue) {
          if (i + 1 >= argc) return a + " needs a value";
          value = argv[++i];
        }
        out.options.emplace_back(a, value);
      } else {
        return "unknown option " + a;
      }
    } else {
      out.positional.push_back(a);
    }
  }
  return "";
}

bool formatOption(const ParsedArgs& args, const std::string& name, Format& out) {
  out = Format::Unknown;
  const std::string* v = args.option(name);
  if (!v) return true;
  out = formatFromName(*v);
  if (out == Format::Unknown) {
    std::cerr << "scholion: unknown format '" << *v << "' for " << name << "; formats:\n"
              << formatsHelp();
    return false;
  }
  return true;
}

Result<Workspace> loadScholion(const std::string& path) {
  Result<std::string> bytes = readFile(path);
  if (!bytes) return fail(bytes.error());
  Result<Workspace> ws = parseScholionJson(*bytes);
  if (!ws) return fail(path + ": " + ws.error());
  return ws;
}

std::string baseName(const std::string& path) {
  std::size_t slash = path.find_last_of("/\\");
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  std::size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

std::string fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

std::size_t cpWidth(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string pad(const std::string& s, std::size_t width) {
  std::size_t n = cpWidth(s);
  return n >= width ? s + " " : s + std::string(width - n, ' ');
}

}  // namespace scholion::cli
