// Desktop implementation of PlatformServices: a data folder for autosave and exports, zenity for
// files.
#pragma once

#include <string>

#include "platform_services.h"

namespace scholion::ui {
class App;
}

namespace scholion::platform {

class NativeServices final : public ui::PlatformServices {
 public:
  // dataDir: where autosave keys live as files ($SCHOLION_DATA_DIR or ~/.local/share/scholion).
  explicit NativeServices(std::string dataDir);
  void attach(ui::App* app) { app_ = app; }
  Status storageSet(const std::string& key, const std::string& value) override;
  bool storageGet(const std::string& key, std::string& value) override;
  void storageRemove(const std::string& key) override;
  std::size_t storageUsed() override;
  std::size_t storageQuota() override { return 0; }
  Status download(const std::string& fileName, const std::string& bytes,
                  const std::string& mimeType) override;
  void openFileChooser(const std::string& accept, bool multiple) override;
  void setClipboard(const std::string& text) override;
  double now() override;
  ui::PlatformKind kind() const override { return ui::PlatformKind::Desktop; }

 private:
  std::string pathFor(const std::string& key) const;
  std::string dataDir_;
  ui::App* app_ = nullptr;
};

}  // namespace scholion::platform
