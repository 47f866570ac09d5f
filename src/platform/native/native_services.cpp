// Desktop services: files under a data folder, written atomically (temp file + rename).
#include "native_services.h"

#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "app.h"

namespace fs = std::filesystem;

namespace scholion::platform {
namespace {

bool readFile(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

// Write to a temporary file, then rename: a crash mid-write never corrupts the last good save.
std::string writeFileAtomically(const fs::path& p, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(p.parent_path(), ec);
  const fs::path tmp = p.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return "Cannot write " + tmp.string();
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return "Writing " + tmp.string() + " failed (disk full?)";
  }
  fs::rename(tmp, p, ec);
  if (ec) return "Cannot replace " + p.string() + ": " + ec.message();
  return "";
}

// Keys may contain characters that are not safe in file names.
std::string safeName(const std::string& key) {
  std::string out;
  for (unsigned char c : key)
    out += (std::isalnum(c) || c == '-' || c == '_' || c == '.') ? char(c) : '_';
  return out;
}

}  // namespace

NativeServices::NativeServices(std::string dataDir) : dataDir_(std::move(dataDir)) {}

std::string NativeServices::pathFor(const std::string& key) const {
  return (fs::path(dataDir_) / "autosave" / (safeName(key) + ".json")).string();
}

Status NativeServices::storageSet(const std::string& key, const std::string& value) {
  std::string err = writeFileAtomically(pathFor(key), value);
  if (!err.empty()) return fail(err);
  return okStatus();
}

bool NativeServices::storageGet(const std::string& key, std::string& value) {
  return readFile(pathFor(key), value);
}

void NativeServices::storageRemove(const std::string& key) {
  std::error_code ec;
  fs::remove(pathFor(key), ec);
}

std::size_t NativeServices::storageUsed() {
  std::size_t total = 0;
  std::error_code ec;
  for (auto it = fs::directory_iterator(fs::path(dataDir_) / "autosave", ec);
       !ec && it != fs::directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) total += static_cast<std::size_t>(it->file_size(ec));
  }
  return total;
}

Status NativeServices::download(const std::string& fileName, const std::string& bytes,
                                const std::string&) {
  const fs::path p = fs::path(dataDir_) / "exports" / safeName(fileName);
  std::string err = writeFileAtomically(p, bytes);
  if (!err.empty()) return fail(err);
  SDL_Log("Exported %s", p.string().c_str());
  return okStatus();
}

// No toolkit dependency: use zenity when the desktop has it, otherwise ask for drag and drop.
void NativeServices::openFileChooser(const std::string& accept, bool multiple) {
  if (!app_) return;
  std::string cmd = "zenity --file-selection 2>/dev/null";
  if (multiple) cmd = "zenity --file-selection --multiple --separator='\n' 2>/dev/null";
  std::vector<ui::OpenedFile> files;
  if (FILE* pipe = popen(cmd.c_str(), "r")) {
    char line[4096];
    while (fgets(line, sizeof line, pipe)) {
      std::string path(line);
      while (!path.empty() && (path.back() == '\n' || path.back() == '\r')) path.pop_back();
      ui::OpenedFile f;
      if (path.empty() || !readFile(path, f.bytes)) continue;
      f.name = fs::path(path).filename().string();
      files.push_back(std::move(f));
    }
    pclose(pipe);
  }
  if (!files.empty()) app_->onFilesOpened(std::move(files));
}

void NativeServices::setClipboard(const std::string& text) {
  SDL_SetClipboardText(text.c_str());
}

double NativeServices::now() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

}  // namespace scholion::platform
